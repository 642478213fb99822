import Foundation
import Postgres
import TestSupport
import Testing

/// A folder of its own for one test, removed when the value is released.
final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-fault-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes raw bytes (fault tests need bytes that are not UTF-8) and returns the file.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file
    }
}

/// Bytes collected from a pipe by a thread of their own, readable while the child runs.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let finished = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread {
            while case let chunk = handle.availableData, !chunk.isEmpty {
                self.lock.withLock { self.data.append(chunk) }
            }
            self.finished.signal()
        }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// Waits (boundedly) for the end of the pipe, so `text` is complete after the child exits.
    func waitForEnd() { _ = finished.wait(timeout: .now() + 5) }
}

/// `vigil` as a running child: standard input stays open for the test to type into, and both
/// outputs can be read while it runs — what `Subprocess.run` cannot do, as it waits for the end.
final class Child {
    let process = Process()
    private let input = Pipe()
    private let out: Collected
    private let err: Collected

    init(_ arguments: [String], in folder: URL? = nil) throws {
        // A write to a child that died must fail with EPIPE, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: VigilBinary.path)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        for key in ["VIGIL_DATABASE_URL", "PGHOST", "PGDATABASE", "PGUSER", "PGPORT", "LANG", "LC_ALL"] {
            environment[key] = nil
        }
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = input
        process.standardOutput = stdout
        process.standardError = stderr
        out = Collected(stdout.fileHandleForReading)
        err = Collected(stderr.fileHandleForReading)
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var stdout: String { out.text }
    var stderr: String { err.text }

    func type(_ line: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
    }

    /// The exit status once the child has ended, or nil (and an issue) if it did not end in
    /// time — then it is killed, so a hang costs `timeout`, never the whole run.
    func waitForExit(timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation) -> Int32? {
        let ended = poll("vigil to exit", timeout: timeout, sourceLocation: sourceLocation) { !process.isRunning }
        if !ended { kill9() }
        process.waitUntilExit()
        out.waitForEnd()
        err.waitForEnd()
        return ended ? process.terminationStatus : nil
    }
}

/// Polls until `condition` holds; records an issue and returns false at the deadline. Every
/// wait in these tests goes through here, so none can hang.
@discardableResult
func poll(
    _ what: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () throws -> Bool
) rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    }
    Issue.record("timed out after \(timeout) waiting for \(what)", sourceLocation: sourceLocation)
    return false
}

extension TestDatabase {
    /// One query on a connection of its own, closed at once: the tests terminate every other
    /// session of the database, and a long-lived connection of the test's would be among them.
    func rows(_ sql: String) throws -> [[String?]] {
        let result = try connect().query(Query(sql))
        return result.rows.map { row in (0..<result.columns.count).map { try? row.decode($0, as: String?.self) } }
    }

    func number(_ sql: String) throws -> Int {
        Int(try rows(sql).first?.first.flatMap { $0 } ?? "") ?? -1
    }

    var eventCount: Int { get throws { try number("SELECT count(*) FROM vigil.events") } }

    /// The client backends of this database other than the asking one.
    static let others =
        "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"

    /// What a server restart looks like to a client: its backend is terminated.
    func terminateSessions() throws {
        _ = try rows("SELECT count(pg_terminate_backend(pid)) " + Self.others)
        waitForNoSessions()
    }

    /// A client that died may leave its backend finishing a COMMIT; counting before it has
    /// gone would race with that last transaction.
    func waitForNoSessions() {
        poll("the database's other sessions to end") { (try? number("SELECT count(*) " + Self.others)) == 0 }
    }

    /// Every event whole: `vigil verify` passes, and each stream's versions run 1…n with its
    /// head row at n.
    func expectIntact(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let verify = try VigilBinary.run(["--db", conninfo, "verify"])
        #expect(verify.status == 0, "verify: \(verify.stdout)", sourceLocation: sourceLocation)
        let broken = try number(
            """
            SELECT count(*) FROM (SELECT stream_id FROM vigil.events GROUP BY stream_id
              HAVING min(stream_version) <> 1 OR max(stream_version) <> count(*)) s
            """)
        let heads = try number(
            """
            SELECT count(*) FROM vigil.streams h WHERE h.version <>
              (SELECT count(*) FROM vigil.events e WHERE e.stream_id = h.stream_id)
            """)
        #expect(
            broken == 0 && heads == 0, "streams with gaps: \(broken), bad heads: \(heads)",
            sourceLocation: sourceLocation)
    }

    /// The logged activities in log order, as (code number, leaflets) — the scripts give
    /// activity k `--leaflets k`, so a skipped or repeated command shows as a mismatch.
    func activities() throws -> [(code: Int, leaflets: Int)] {
        try rows(
            "SELECT data->>'code', data->>'leaflets' FROM vigil.events WHERE event_type = 'ActivityLogged' ORDER BY position"
        ).map { (Int($0[0]?.dropFirst(2) ?? "") ?? -1, Int($0[1] ?? "") ?? -1) }
    }
}

/// The interactive shell on a real pseudo-terminal: a private tmux server in the foreground, as
/// TmuxSession does, for a shell started by a test of its own. vigil's standard
/// error goes to a file, so a test can count exactly the lines written there.
final class TmuxShell {
    static let prompt = "[2019-06-30]>"
    let tmux: String
    let socket: String
    let errorFile: URL
    private let server = Process()

    init(_ database: TestDatabase, folder: URL, historyFile: String) throws {
        tmux = try #require(
            ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first(where: FileManager.default.isExecutableFile),
            "tmux is not installed: apt-get install -y tmux")
        socket = folder.appendingPathComponent("tmux.socket").path
        errorFile = folder.appendingPathComponent("stderr")
        let script = """
            trap : INT
            export LANG=C.UTF-8 HISTFILE=\(Self.quoted(historyFile))
            unset LC_ALL VIGIL_DATABASE_URL
            # A runaway allocation then fails inside vigil instead of taking the machine's memory.
            ulimit -v 2000000
            \(Self.quoted(VigilBinary.path)) --db \(Self.quoted(database.conninfo)) --today 2019-06-30 --lang en 2>\(Self.quoted(errorFile.path))
            echo "[vigil exited: $?]"

            """
        let file = folder.appendingPathComponent("shell.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        // The pane stays on screen after the script ends, so no process is left to clean up.
        let configuration = folder.appendingPathComponent("tmux.conf")
        try "set -g remain-on-exit on\n".write(to: configuration, atomically: true, encoding: .utf8)
        server.executableURL = URL(fileURLWithPath: tmux)
        server.arguments = ["-u", "-S", socket, "-f", configuration.path, "-D"]
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        poll("the tmux socket", timeout: .seconds(10)) { FileManager.default.fileExists(atPath: socket) }
        try run(["new-session", "-d", "-s", "vigil", "-x", "120", "-y", "40", "/bin/sh " + file.path])
    }

    /// `kill-server` would not do: it is a SIGTERM the server sends itself, and the server
    /// inherits the test runner's blocked signals. Its end closes the terminal, which ends vigil.
    deinit {
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
    }

    /// The most memory vigil has held so far (VmHWM, in kB), read from /proc through the pane's
    /// shell, whose one child vigil is.
    var vigilPeakMemory: Int? {
        guard
            let shell = try? run(["list-panes", "-t", "vigil", "-F", "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines),
            let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8),
            let vigil = children.split(separator: " ").first,
            let status = try? String(contentsOfFile: "/proc/\(vigil)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.filter(\.isNumber))
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-u", "-S", socket] + arguments
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Types a line and Enter.
    func type(_ line: String) throws {
        try run(["send-keys", "-t", "vigil", "-l", line])
        try run(["send-keys", "-t", "vigil", "Enter"])
    }

    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (String) -> Bool
    ) throws -> Bool {
        let shown = try poll(what, timeout: timeout, sourceLocation: sourceLocation) {
            condition(try run(["capture-pane", "-p", "-t", "vigil"]))
        }
        if !shown {
            let screen = try run(["capture-pane", "-p", "-t", "vigil"])
            Issue.record("the screen shows:\n\(screen)", sourceLocation: sourceLocation)
        }
        return shown
    }

    /// The lines vigil wrote to standard error, without colour escapes (which the shell may
    /// decide on from standard output being a terminal).
    var errors: [String] {
        let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        return plain.split(separator: "\n").map(String.init)
    }

    private static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
