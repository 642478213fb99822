import Foundation
import Testing

/// A program running in a detached tmux session: a real pseudo-terminal that a test can type
/// into (`send-keys`) and read back as the screen shows it (`capture-pane`).
///
/// The tmux server is this test's own child process, in the foreground (`tmux -D`) on a
/// socket in the test's folder, so tests never touch a developer's tmux and `close()` ends
/// exactly that server. A daemonised server would inherit the descriptor through which
/// Foundation's `Process` learns that its child exited, and `waitUntilExit()` would hang.
final class TmuxSession {
    let tmux: String
    let socket: String
    let server = Process()
    let target = "shell"

    /// The tmux executable on PATH, or nil.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/tmux" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Starts a server on a socket in `folder`, then `script` (a shell script file) in a
    /// 120×40 terminal.
    init(tmux: String, folder: URL, script: URL) throws {
        self.tmux = tmux
        socket = folder.appendingPathComponent("tmux.socket").path
        server.executableURL = URL(fileURLWithPath: tmux)
        server.arguments = ["-u", "-S", socket, "-D"]
        server.environment = Self.environment
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // Commands sent before the server listens would fail; wait for its socket.
        let deadline = ContinuousClock.now + .seconds(10)
        while !FileManager.default.fileExists(atPath: socket) && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        try run(["new-session", "-d", "-s", target, "-x", "120", "-y", "40", "/bin/sh " + script.path])
    }

    deinit { close() }

    /// Stops this session's tmux server, and with it the program.
    func close() {
        guard server.isRunning else { return }
        _ = try? run(["kill-server"])
        let deadline = ContinuousClock.now + .seconds(5)
        while server.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        // The server inherits the test thread's blocked signals, so only SIGKILL is sure to land.
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        server.waitUntilExit()
    }

    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["TMUX"] = nil
        return environment
    }

    /// Runs a tmux client command against this session's server and returns what it printed.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        // -u: the server speaks UTF-8 whatever the test's own locale is.
        process.arguments = ["-u", "-S", socket] + arguments
        process.environment = Self.environment
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw TmuxError(command: arguments.joined(separator: " "), output: text)
        }
        return text
    }

    /// Types keys: literal text, or tmux key names such as "Enter", "Tab", "Up", "C-c".
    func send(_ keys: String..., literally: Bool = false) throws {
        try run(["send-keys", "-t", target] + (literally ? ["-l"] : []) + keys)
    }

    /// The screen as text, one line per row, trailing blanks removed.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", target])
    }

    /// The lines that are not blank, so the last one is where the cursor is after a prompt.
    func lines() throws -> [String] {
        try screen().split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Polls the screen until `condition` holds or the deadline passes; the terminal and the
    /// shell answer at their own pace, so fixed sleeps would be either slow or flaky.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: ([String]) -> Bool
    ) throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last: [String] = []
        while clock.now < deadline {
            last = try lines()
            if condition(last) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record(
            "timed out waiting for \(what); the screen shows:\n\(last.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
        return false
    }

    /// Whether the pane's process is still running, as `list-panes` reports it.
    func paneIsAlive() throws -> Bool {
        try run(["list-panes", "-t", target, "-F", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            == "0"
    }

    struct TmuxError: Error, CustomStringConvertible {
        var command: String
        var output: String
        var description: String { "tmux \(command) failed: \(output)" }
    }
}
