import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Invoking vigil: exit statuses and messages", .serialized)
struct InvocationTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase(migrated: false)
    }

    @Test("A failed connection exits 2 with one clear line")
    func connectionFailure() throws {
        let result = try VigilBinary.run(["--db", "host=/nonexistent connect_timeout=2", "-c", "help"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("vigil: cannot connect to the database"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("The embedded cluster's connection string is read from one fixed place, never from a parent folder")
    func conninfoFromOneFixedPlace() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-\(UUID().uuidString)")
        let planted = scratch.appendingPathComponent("project/.vigil")
        let deep = scratch.appendingPathComponent("project/sub/dir")
        let state = scratch.appendingPathComponent("state/vigil")
        for folder in [planted, deep, state] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        try "host=/planted/by/someone dbname=theirs".write(
            to: planted.appendingPathComponent("conninfo"), atomically: true, encoding: .utf8)
        let home = scratch.appendingPathComponent("home").path
        let nothing = try VigilBinary.run(
            ["-c", "help"], in: deep, environment: ["HOME": home, "XDG_STATE_HOME": nil])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("no database"), "\(nothing.stderr)")
        #expect(!nothing.stderr.contains("planted"))

        try database.conninfo.write(to: state.appendingPathComponent("conninfo"), atomically: true, encoding: .utf8)
        let found = try VigilBinary.run(
            ["-c", "help"], in: deep,
            environment: ["HOME": home, "XDG_STATE_HOME": scratch.appendingPathComponent("state").path])
        #expect(found.status == 0, "\(found.stderr)")
    }

    @Test(
        "A mistake in vigil's own options exits 2 and names it",
        arguments: [
            ["--format", "xml", "-c", "help"], ["--today", "2017-02-30", "-c", "help"], ["--no-such-option"],
            ["--tz", "Mars/Olympus", "-c", "help"],
        ])
    func badOptions(_ arguments: [String]) throws {
        let result = try VigilBinary.run(["--db", database.conninfo] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(arguments[0]) || result.stderr.contains(arguments[1]))
    }

    @Test("A script that cannot be read exits 2 and names the file")
    func unreadableScript() throws {
        let result = try VigilBinary.run(["--db", database.conninfo, "-f", "/nonexistent/plan.vgl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/plan.vgl"))
    }

    @Test("-f - runs a script from standard input (a heredoc), with relative names from the current folder")
    func scriptFromStandardInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: VigilBinary.packageRoot.appendingPathComponent("Runbooks/files/holidays-2017.json"),
            to: folder.appendingPathComponent("notice.json"))
        let script = """
            # from another program
            community add 江岸社区
            holiday import notice.json
            community list
            """
        let result = try VigilBinary.run(
            ["--db", database.conninfo, "--lang", "en", "-f", "-"], in: folder, input: script + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("added community 江岸社区"))
        #expect(result.stdout.contains("2017"))
        #expect(result.stdout.hasSuffix("江岸社区   0\n"))

        // A refusal is located by "stdin" and its line, and stops the script.
        let refused = try VigilBinary.run(
            ["--db", database.conninfo, "--lang", "en", "-f", "-"], input: "community list\ncommunity add\nwhoami\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("stdin:2: error: "))
        #expect(!refused.stdout.contains("roles"))
    }

    @Test("-f /dev/stdin and -f with a named pipe read the script as a file would be read")
    func scriptFromDeviceAndNamedPipe() throws {
        let viaDevice = try VigilBinary.run(
            ["--db", database.conninfo, "--lang", "en", "-f", "/dev/stdin"], input: "community add 汉水湾社区\n")
        #expect(viaDevice.status == 0, "\(viaDevice.stderr)")
        #expect(viaDevice.stdout == "added community 汉水湾社区\n")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("script.fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        // The writer blocks until vigil opens the pipe; its own output goes nowhere, so a vigil
        // that never opens it fails this test instead of hanging it.
        let viaPipe = try Subprocess.run(
            "/bin/sh",
            [
                "-c", #"printf 'community list\n' 2>/dev/null >"$1" & exec "$2" --db "$3" --lang en -f "$1""#, "sh",
                fifo, VigilBinary.path, database.conninfo,
            ])
        #expect(viaPipe.status == 0, "\(viaPipe.stderr)")
        #expect(viaPipe.stdout.contains("汉水湾社区"))
    }

    @Test("help prints the commands and exits 0; piped standard input works like a script")
    func helpAndStandardInput() throws {
        let direct = try VigilBinary.run(["--db", database.conninfo, "-c", "help"])
        #expect(direct.status == 0)
        #expect(direct.stdout.contains("drills overdue"))
        let piped = try VigilBinary.run(["--db", database.conninfo], input: "help\nquit\n")
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("compliance summary"))
    }

    @Test("An unknown command exits 1 and suggests the nearest one")
    func unknownCommand() throws {
        let result = try VigilBinary.run(["--db", database.conninfo, "-c", "drils overdue"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("drils overdue"))
        #expect(result.stderr.contains("did you mean: drills overdue"))
    }

    @Test("A script stops at the first refused command, says file:line, and keeps what came before")
    func scriptStopsAtFirstRefusal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
            # set-up
            community add 江岸社区
            unit add "江岸小学" --community 江岸社区 --kind primary-school
            unit add "汉水小学" --community 汉水湾社区 --kind primary-school
            community add 汉水湾社区
            """
        try script.write(to: folder.appendingPathComponent("setup.vgl"), atomically: true, encoding: .utf8)
        let result = try VigilBinary.run(["--db", database.conninfo, "-f", "setup.vgl"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("setup.vgl:4: error: no community 汉水湾社区"))
        let list = try VigilBinary.run(["--db", database.conninfo, "--format", "csv", "-c", "community list"])
        #expect(list.stdout == "\u{FEFF}community,units\r\n江岸社区,1\r\n")
    }

    @Test("A bad date names the word and the expected form, and writes nothing")
    func badDate() throws {
        _ = try VigilBinary.run(["--db", database.conninfo, "-c", "community add 江岸社区"])
        let result = try VigilBinary.run([
            "--db", database.conninfo, "-c",
            "unit add 厂 --community 江岸社区 --kind enterprise; unit close 厂 --on 2017-13-01",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\"2017-13-01\""))
        #expect(result.stderr.contains("YYYY-MM-DD"))
    }
}
