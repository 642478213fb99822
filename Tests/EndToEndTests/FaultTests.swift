import Foundation
import TestSupport
import Testing

/// What `vigil` does when the world misbehaves: killed mid-script, its server dropping the
/// connection, a history file it cannot use, a script it cannot read, absurdly long lines and
/// bytes that are not UTF-8. In every case the log must stay whole — each command applied
/// completely or not at all — and vigil must say what happened briefly, without crashing.
@Suite("Faults: kills, lost connections, bad files and bad bytes", .serialized)
struct FaultTests {
    let database: TestDatabase
    let scratch: Scratch
    static let total = 3000

    init() throws {
        database = try TestDatabase()
        scratch = try Scratch()
    }

    /// Starts the 3,000-command campaign script and waits until part of it is in the log.
    func startCampaignScript() throws -> Child {
        let lines = CampaignScript.header + CampaignScript.logs(1...Self.total)
        try scratch.write("script.vgl", Data(lines.joined(separator: "\n").utf8))
        let child = try Child(["--db", database.conninfo, "--lang", "en", "-f", "script.vgl"], in: scratch.url)
        try poll("100 activities in the log") {
            try database.number("SELECT count(*) FROM planner.activities") >= 100
        }
        try #require(child.process.isRunning, "the script ended before the fault could hit it")
        return child
    }

    /// The activities acknowledged on standard output, which must be A-1, A-2, … in order.
    static func acknowledged(_ stdout: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let logged = stdout.split(separator: "\n").filter { $0.hasPrefix("logged ") }
        let expected = (0..<logged.count).map { "logged A-\($0 + 1) for C1" }
        #expect(logged.map(String.init) == expected, sourceLocation: sourceLocation)
        return logged.count
    }

    @Test("kill -9 mid-script leaves a prefix of whole commands, and the rest of the script completes it")
    func killedMidScript() throws {
        let child = try startCampaignScript()
        child.kill9()
        #expect(child.waitForExit() != nil)
        #expect(child.process.terminationReason == .uncaughtSignal)
        database.waitForNoSessions()
        try database.expectIntact()
        let applied = try CampaignScript.expectPrefix(database)
        let acknowledged = Self.acknowledged(child.stdout)
        // The kill may land between a COMMIT and its acknowledgement, but never take back a
        // command that was acknowledged.
        #expect(
            applied == acknowledged || applied == acknowledged + 1, "\(applied) applied, \(acknowledged) acknowledged")
        try #require(applied >= 100 && applied < Self.total)

        let rest = ["set today 2019-12-31"] + CampaignScript.logs((applied + 1)...Self.total)
        try scratch.write("rest.vgl", Data(rest.joined(separator: "\n").utf8))
        let rerun = try VigilBinary.run(["--db", database.conninfo, "--lang", "en", "-f", "rest.vgl"], in: scratch.url)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("\nlogged A-\(applied + 1) for C1\n"))
        #expect(try CampaignScript.expectPrefix(database) == Self.total)
        try database.expectIntact()
    }

    @Test("Piped input: a connection lost between commands stops the shell with one line and status 2")
    func pipedConnectionLost() throws {
        let child = try Child(["--db", database.conninfo, "--lang", "en"])
        try child.type("community add C1")
        poll("C1 to be added") { child.stdout.contains("added community C1") }
        try database.terminateSessions()
        try child.type("community add C2")
        #expect(child.waitForExit() == 2)
        let errors = child.stderr.split(separator: "\n")
        #expect(errors.count == 1 && errors[0].hasPrefix("stdin:2: error: connection lost"), "\(errors)")
        #expect(try database.rows("SELECT name FROM planner.communities").map { $0[0] } == ["C1"])
        try database.expectIntact()
    }

    @Test("A script whose connection is lost mid-command applies that command wholly or not at all")
    func connectionLostMidScript() throws {
        let child = try startCampaignScript()
        try database.terminateSessions()
        #expect(child.waitForExit() == 2)
        let errors = child.stderr.split(separator: "\n")
        #expect(errors.count == 1 && errors[0].contains(": error: connection lost"), "\(errors)")
        // script.vgl:N: — the line of the command that met the lost connection.
        let line = try #require(errors.first.flatMap { $0.split(separator: ":").dropFirst().first }.flatMap { Int($0) })
        let failed = line - CampaignScript.header.count
        try database.expectIntact()
        let applied = try CampaignScript.expectPrefix(database)
        #expect(Self.acknowledged(child.stdout) == failed - 1)
        #expect(applied == failed - 1 || applied == failed, "command \(failed) failed, \(applied) applied")
    }

    @Test("Interactive: the next command reports the lost connection in one line; the shell reconnects")
    func interactiveReconnects() throws {
        let shell = try TmuxShell(database, folder: scratch.url, historyFile: scratch.url.path + "/history")
        try #require(try shell.waitFor("the first prompt") { $0.contains(TmuxShell.prompt) })
        try shell.type("community add C1")
        try shell.waitFor("C1 to be added") { $0.contains("added community C1") }
        try database.terminateSessions()
        try shell.type("community add C2")
        try shell.waitFor("the loss to be reported") { _ in shell.errors.count >= 2 }
        #expect(shell.errors.count == 2 && shell.errors[0].hasPrefix("error: connection lost"), "\(shell.errors)")
        #expect(shell.errors.last == "reconnected")
        // Had the interrupted command left anything, this retry would be refused as a duplicate.
        try shell.type("community add C2")
        try shell.waitFor("C2 to be added on the new connection") { $0.contains("added community C2") }
        try shell.type("quit")
        try shell.waitFor("the shell to exit 0") { $0.contains("[vigil exited: 0]") }
        let streams = try database.rows("SELECT stream_id FROM vigil.events ORDER BY position").map { $0[0] }
        #expect(streams == ["community:C1", "community:C2"])
        try database.expectIntact()
    }

    /// As root (the tests' user) permissions are not enforced, so an unwritable history file is
    /// made with paths no one can write: under a missing folder, a folder, and /dev/full, which
    /// refuses every write as a full disk does (and reads as an endless run of zero bytes).
    @Test(
        "A history file that cannot be used: the shell works, exits 0 and warns once",
        arguments: ["missing-folder", "folder", "/dev/full"])
    func historyFileProblems(_ kind: String) throws {
        let folder = scratch.url.appendingPathComponent("history-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path =
            ["missing-folder": scratch.url.path + "/no-such-folder/history", "folder": folder.path][kind] ?? kind
        let shell = try TmuxShell(database, folder: scratch.url, historyFile: path)
        try #require(try shell.waitFor("the first prompt") { $0.contains(TmuxShell.prompt) })
        // Reading the history must not take memory without bound (vigil needs some 30 MB; the
        // script's ulimit stops a runaway read at 2 GB).
        let peak = try #require(shell.vigilPeakMemory)
        #expect(peak < 256_000, "vigil held \(peak / 1000) MB while reading the history file")
        try shell.type("community add H1")
        try shell.waitFor("H1 to be added") { $0.contains("added community H1") }
        try shell.type("quit")
        try shell.waitFor("the shell to exit 0") { $0.contains("[vigil exited: 0]") }
        #expect(shell.errors.count == 1, "\(shell.errors)")
        #expect(shell.errors.allSatisfy { $0.hasPrefix("warning: ") && $0.contains("history") && $0.contains(path) })
        #expect(try database.number("SELECT count(*) FROM planner.communities") == 1)
    }

    @Test(
        "A script that cannot be read: status 2, one line naming it, nothing written",
        arguments: ["a-folder.vgl", "missing/none.vgl", "not-utf8.vgl"])
    func unreadableScript(_ name: String) throws {
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("a-folder.vgl"), withIntermediateDirectories: true)
        // Its valid first line must not run: the file is refused as a whole.
        try scratch.write("not-utf8.vgl", Data("community add A\ncommunity add B".utf8) + Data([0xFF, 0xFE, 0x0A]))
        let result = try VigilBinary.run(["--db", database.conninfo, "--lang", "en", "-f", name], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1 && errors[0].contains(name), "\(errors)")
        #expect(try database.eventCount == 0)
    }

    /// Very long lines, by -f and by -c. Linux caps one argument at 128 KiB, so 100,000 CJK
    /// characters (300 KB) can only come by -f; -c gets 40,000 of them. Names have no business
    /// being that long: each must be refused in a line or two naming the rule, not with the
    /// database's index error, and leave nothing behind; nor may a refusal echo the whole line.
    @Test(
        "A 100,000-character line is refused clearly, quickly and without a trace",
        arguments: [
            "-f name: random CJK", "-f name: one CJK repeated", "-c name: random CJK", "-c name: quoted words",
            "-c name: 1,000 letters", "-f name: unterminated quote", "-f words", "-c name: unquoted words",
        ])
    func longLine(_ label: String) throws {
        var random = SplitMix(seed: 2019)
        let cjk = String((0..<(label.hasPrefix("-c") ? 40_000 : 100_000)).map { _ in random.cjk() })
        let words = random.words(characters: 100_000)
        let line =
            switch label.dropFirst(3) {
            case "name: random CJK": "community add " + cjk
            case "name: one CJK repeated": "community add " + String(repeating: "测", count: 100_000)
            case "name: quoted words": "community add '\(words)'"
            case "name: 1,000 letters": "community add " + String(repeating: "x", count: 1_000)
            case "name: unquoted words": "community add " + words
            case "name: unterminated quote": "community add '" + words
            default: words
            }
        try scratch.write("long.vgl", Data(line.utf8))
        let input = label.hasPrefix("-f") ? ["-f", "long.vgl"] : ["-c", line]
        let started = ContinuousClock.now
        let result = try VigilBinary.run(["--db", database.conninfo, "--lang", "en"] + input, in: scratch.url)
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(result.status == 1, "\(result.stdout.prefix(200))")
        #expect(result.stderr.split(separator: "\n").count <= 2 && result.stderr.count < 500)
        #expect(!result.stderr.contains("database error"), "\(result.stderr)")
        #expect(try database.eventCount == 0)
    }

    /// Bytes 0xFF 0xFE inside a name, by -c and on standard input. A shell cannot pass such
    /// bytes through Foundation's String arguments, so /bin/sh's printf makes them. Refusing
    /// and replacing (U+FFFD) are both acceptable; half of either is not.
    @Test("Invalid UTF-8 in a name is refused or replaced, never half-written", arguments: ["-c", "stdin"])
    func invalidUTF8(_ channel: String) throws {
        let script =
            channel == "-c"
            ? #"exec "$1" --db "$2" --lang en -c "$(printf 'community add P\377\376Q; community add R')""#
            : #"printf 'community add P\377\376Q\ncommunity add R\n' | "$1" --db "$2" --lang en"#
        let result = try Subprocess.run("/bin/sh", ["-c", script, "sh", VigilBinary.path, database.conninfo])
        let names = try database.rows("SELECT name FROM planner.communities ORDER BY name").compactMap { $0[0] }
        if result.status == 0 {
            #expect(names == ["P\u{FFFD}\u{FFFD}Q", "R"])
            #expect(result.stdout.contains("added community P\u{FFFD}\u{FFFD}Q"))
        } else {
            #expect(result.status == 1 || result.status == 2, "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(names.isEmpty)
        }
        try database.expectIntact()
    }
}

/// The campaign script of the kill tests: set-up, then `count` `campaign log` lines, the k-th
/// with `--leaflets k`.
enum CampaignScript {
    static let header = ["set today 2019-12-31", "community add C1", "campaign define W --cadence weekly"]

    static func logs(_ range: ClosedRange<Int>) -> [String] {
        range.map { "campaign log W --community C1 --on 2019-\(pad(1 + $0 % 12))-\(pad(1 + $0 % 28)) --leaflets \($0)" }
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Checks that activities 1…n are exactly the first n commands, each whole and projected.
    static func expectPrefix(_ database: TestDatabase, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int
    {
        let logged = try database.activities()
        #expect(logged.map(\.code) == (0..<logged.count).map { $0 + 1 }, sourceLocation: sourceLocation)
        #expect(logged.allSatisfy { $0.code == $0.leaflets }, sourceLocation: sourceLocation)
        #expect(
            try database.number("SELECT count(*) FROM planner.activities") == logged.count,
            sourceLocation: sourceLocation)
        return logged.count
    }
}

/// A small seeded generator, so a failing long line can be reproduced exactly.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A character of the CJK Unified Ideographs block.
    mutating func cjk() -> Character {
        Unicode.Scalar(UInt32(0x4E00 + next() % 0x51A6)).map(Character.init) ?? "测"
    }

    /// Lower-case words of 2–9 letters separated by spaces, exactly `characters` long.
    mutating func words(characters: Int) -> String {
        // Bytes, not a growing String, whose `count` would walk the whole text every turn.
        var bytes: [UInt8] = []
        while bytes.count < characters {
            bytes += (0..<2 + next() % 8).map { _ in UInt8(97 + next() % 26) } + [0x20]
        }
        return String(decoding: bytes.prefix(characters), as: UTF8.self)
    }
}
