import Foundation
import TestSupport
import Testing

/// The interactive shell as a user meets it: libedit on a real pseudo-terminal (tmux), with
/// Chinese input, Tab completion, history recall, Ctrl-C, and the history file.
///
/// tmux is required, not optional: without it these tests fail with a message saying how to
/// install it, rather than skipping and leaving the line editor untested.
@Suite("Interactive shell under a pseudo-terminal", .serialized)
struct InteractiveTests {
    let database: TestDatabase
    let folder: URL
    var historyFile: URL { folder.appendingPathComponent("history") }
    /// The end of the prompt: `user@database [2019-06-30]> `.
    static let prompt = "[2019-06-30]>"

    init() throws {
        database = try TestDatabase(migrated: false)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-interactive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Starts the shell in a detached 120×40 tmux session; when it exits, the pane shows its
    /// exit status and stays open so the test can read it.
    func startShell() throws -> TmuxSession {
        let tmux = try #require(
            TmuxSession.executable,
            "tmux is not installed; the interactive tests need it: apt-get install -y tmux (scripts/deps.sh should install it)"
        )
        let quote = GoldenFile.shellQuoted
        let script = """
            # Without job control Ctrl-C reaches this script too, which would die of it; a user's
            # shell gives vigil a process group of its own. A trap (not an ignore, which vigil
            # would inherit) keeps the script alive and leaves vigil's signals as they are.
            trap : INT
            export LANG=C.UTF-8 HISTFILE=\(quote(historyFile.path))
            unset LC_ALL VIGIL_DATABASE_URL
            \(quote(VigilBinary.path)) --db \(quote(database.conninfo)) --today 2019-06-30 --lang en
            echo "[vigil exited: $?]"
            sleep 600

            """
        let file = folder.appendingPathComponent("shell.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let session = try TmuxSession(tmux: tmux, folder: folder, script: file)
        try session.waitFor("the first prompt") { $0.last?.hasSuffix(Self.prompt) == true }
        return session
    }

    /// The entries of a libedit history file, whose spaces and other bytes are written as
    /// octal escapes (`community\040add\040…`) after a `_HiStOrY_V2_` header line.
    static func historyEntries(_ data: Data) -> [String] {
        var entries: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.starts(with: Array("_HiStOrY_V2_".utf8)) {
            var bytes: [UInt8] = []
            var rest = line[...]
            while let byte = rest.first {
                let octal = rest.dropFirst().prefix(3)
                if byte == UInt8(ascii: "\\"), octal.count == 3,
                    let value = UInt8(String(decoding: octal, as: UTF8.self), radix: 8)
                {
                    bytes.append(value)
                    rest = rest.dropFirst(4)
                } else {
                    bytes.append(byte)
                    rest = rest.dropFirst()
                }
            }
            entries.append(String(decoding: bytes, as: UTF8.self))
        }
        return entries
    }

    /// Whether the last screen line is a prompt followed by exactly `text`.
    static func lastLine(_ lines: [String], is text: String) -> Bool {
        guard let last = lines.last,
            let end = last.range(of: prompt + " ", options: .backwards) ?? last.range(of: prompt)
        else { return false }
        return last[end.upperBound...] == text
    }

    @Test("Chinese input, Tab completion, history recall and Ctrl-C, then the history is saved")
    func session() throws {
        let shell = try startShell()
        defer {
            shell.close()
            try? FileManager.default.removeItem(at: folder)
        }

        try shell.send("community add 测试社区", literally: true)
        try shell.send("Enter")
        // Both the echo of the typed line and the shell's answer must show the Chinese intact;
        // a wrong locale makes libedit echo octal escapes instead.
        try shell.waitFor("the Chinese community name in the answer") { $0.contains("added community 测试社区") }
        #expect(try shell.lines().contains { $0.hasSuffix(Self.prompt + " community add 测试社区") })

        try shell.send("comm", literally: true)
        try shell.send("Tab")
        try shell.waitFor("comm completed to community") { Self.lastLine($0, is: "community") }

        try shell.send("Up")
        try shell.waitFor("the previous command recalled") { Self.lastLine($0, is: "community add 测试社区") }

        let promptsBefore = try shell.lines().filter { $0.contains(Self.prompt) }.count
        try shell.send("C-c")
        try shell.waitFor("a fresh, empty prompt after Ctrl-C") { lines in
            lines.filter { $0.contains(Self.prompt) }.count == promptsBefore + 1 && Self.lastLine(lines, is: "")
        }
        // The script behind the pane reports vigil's exit; the pane outlives it, so both count.
        #expect(try shell.paneIsAlive())
        #expect(try !shell.screen().contains("[vigil exited"), "Ctrl-C ended the shell")

        // The abandoned line must be gone: were it kept, this would be appended to it.
        try shell.send("community list", literally: true)
        try shell.send("Enter")
        try shell.waitFor("community list to answer") { lines in
            lines.contains { $0.hasPrefix("测试社区") && $0.hasSuffix(" 0") }
        }
        #expect(try !shell.screen().contains("error"))

        try shell.send("quit", literally: true)
        try shell.send("Enter")
        try shell.waitFor("the shell to exit with status 0") { $0.contains("[vigil exited: 0]") }
        let entries = Self.historyEntries(try Data(contentsOf: historyFile))
        #expect(entries.contains("community add 测试社区"))
        #expect(entries.contains("community list"))
    }

    @Test("Tab completes the second word; Ctrl-D leaves like quit and keeps the history")
    func completionAndEndOfInput() throws {
        let shell = try startShell()
        defer {
            shell.close()
            try? FileManager.default.removeItem(at: folder)
        }

        try shell.send("drills ov", literally: true)
        try shell.send("Tab")
        try shell.waitFor("drills ov completed to drills overdue") { Self.lastLine($0, is: "drills overdue") }
        try shell.send("Enter")
        try shell.waitFor("drills overdue to answer") { $0.contains("(none)") }

        try shell.send("C-d")
        try shell.waitFor("the shell to exit with status 0") { $0.contains("[vigil exited: 0]") }
        // Completion appends a space, which the history keeps as typed.
        let entries = Self.historyEntries(try Data(contentsOf: historyFile))
        #expect(entries.map { $0.trimmingCharacters(in: .whitespaces) } == ["drills overdue"])
    }

    @Test("Tab completes Chinese command words, and help 演练 lists the commands they begin")
    func chineseCommandWords() throws {
        let shell = try startShell()
        defer {
            shell.close()
            try? FileManager.default.removeItem(at: folder)
        }

        try shell.send("演练 安", literally: true)
        try shell.send("Tab")
        try shell.waitFor("演练 安 completed to 演练 安排") { Self.lastLine($0, is: "演练 安排") }

        let promptsBefore = try shell.lines().filter { $0.contains(Self.prompt) }.count
        try shell.send("C-c")
        try shell.waitFor("a fresh, empty prompt") { lines in
            lines.filter { $0.contains(Self.prompt) }.count == promptsBefore + 1 && Self.lastLine(lines, is: "")
        }

        try shell.send("help 演", literally: true)
        try shell.send("Tab")
        try shell.waitFor("help 演 completed to help 演练") { Self.lastLine($0, is: "help 演练") }
        try shell.send("Enter")
        try shell.waitFor("the commands beginning with 演练") { lines in
            lines.contains { $0.contains("演练 安排 (drill schedule)") }
                && lines.contains { $0.contains("演练 逾期 (drills overdue)") }
        }
        #expect(try !shell.screen().contains("error"))

        try shell.send("quit", literally: true)
        try shell.send("Enter")
        try shell.waitFor("the shell to exit with status 0") { $0.contains("[vigil exited: 0]") }
    }

    @Test("Long Chinese output goes through less as Chinese where the locale is not installed")
    func pagerShowsChineseWithoutTheLocale() throws {
        let tmux = try #require(TmuxSession.executable, "tmux is not installed; apt-get install -y tmux")
        defer { try? FileManager.default.removeItem(at: folder) }
        // LOCPATH naming an empty folder makes sure zh_CN.UTF-8 is missing, as on most servers,
        // whatever this machine has installed: glibc then looks for locales there only.
        let noLocales = folder.appendingPathComponent("locales")
        try FileManager.default.createDirectory(at: noLocales, withIntermediateDirectories: true)
        let quote = GoldenFile.shellQuoted
        let script = """
            trap : INT
            export LANG=zh_CN.UTF-8 LOCPATH=\(quote(noLocales.path))
            unset LC_ALL LC_CTYPE LESSCHARSET LESSCHARDEF LESS PAGER VIGIL_DATABASE_URL
            \(quote(VigilBinary.path)) --db \(quote(database.conninfo)) --today 2019-06-30 --lang zh -c help
            echo "[vigil exited: $?]"
            sleep 600

            """
        let file = folder.appendingPathComponent("paged.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let shell = try TmuxSession(tmux: tmux, folder: folder, script: file)
        defer { shell.close() }

        // The help is longer than the 40-row screen, so less (the default pager) shows its start.
        try shell.waitFor("the help's first group title in the pager") { $0.contains("组织机构") }
        let screen = try shell.screen()
        #expect(screen.contains("Vigil —— 预案、演练、检查与宣传。"))
        #expect(!screen.contains("<E"), "less showed bytes instead of characters:\n\(screen)")
        #expect(!screen.contains("[vigil exited"), "the output did not go through the pager")

        try shell.send("q")
        try shell.waitFor("vigil to exit with status 0 after the pager") { $0.contains("[vigil exited: 0]") }
    }

    @Test("The libedit history decoder reads octal escapes and UTF-8")
    func historyDecoder() {
        let file = Data("_HiStOrY_V2_\ncommunity\\040add\\040测试社区\nunit\\040list\\012x\n".utf8)
        #expect(Self.historyEntries(file) == ["community add 测试社区", "unit list\nx"])
    }
}
