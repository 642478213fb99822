import CEditLine
import Foundation
import PlannerStore

#if canImport(Glibc)
    import Glibc
#endif

/// The interactive shell: libedit line editing, persistent history, Tab completion of command
/// words, Ctrl-C that clears the line (or cancels a running query) and Ctrl-D that exits.
public struct Interactive {
    let runner: Runner
    let historyFile: String

    public init(runner: Runner, environment: [String: String]) {
        self.runner = runner
        let home = environment["HOME"] ?? NSHomeDirectory()
        historyFile = environment["HISTFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.vigil_history"
    }

    public func loop() -> Runner.Outcome {
        let session = runner.session
        if setlocale(LC_ALL, "") == nil { setlocale(LC_ALL, "C.UTF-8") }
        Completion.install(specs: Registry.standard.specs)
        Completion.refresh(session.store)
        using_history()
        // One warning at most, and a file that cannot be used is left alone: a device such as
        // /dev/full or /dev/zero reads as an endless line (libedit would take memory without
        // bound), a folder cannot be written, and a file that could not be read must not be
        // overwritten by this session's few lines.
        var keepHistory = true
        var info = stat()
        if stat(historyFile, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            keepHistory = false
            runner.writeError(
                session.text(
                    L(
                        "warning: the history file \(historyFile) is not a regular file; history is not kept",
                        "警告：历史记录 \(historyFile) 不是普通文件；本次不保存历史")) + "\n")
        } else if read_history(historyFile) != 0, FileManager.default.fileExists(atPath: historyFile) {
            keepHistory = false
            runner.writeError(
                session.text(
                    L(
                        "warning: cannot read history from \(historyFile); history is not kept",
                        "警告：无法读取历史记录 \(historyFile)；本次不保存历史")) + "\n")
        }
        Interrupt.install()
        var outcome = Runner.Outcome.ok
        runner.write(
            session.text(L("Vigil — type help for the commands, quit to leave.", "Vigil —— 输入 help 查看命令，quit 退出。"))
                + "\n")
        while true {
            Interrupt.reset()
            guard let raw = readline(prompt()) else {
                if Interrupt.happened {
                    runner.write("\n")
                    continue
                }
                runner.write("\n")
                break
            }
            let line = String(cString: raw)
            free(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            add_history(line)
            Interrupt.canceller = session.store.canceller()
            let result = runner.run(line: line)
            Interrupt.canceller = nil
            if result == .quit { break }
            Completion.refresh(session.store)
            if result == .connectionLost {
                do {
                    try session.reconnect()
                    runner.writeError(session.text(L("reconnected", "已重新连接")) + "\n")
                } catch {
                    runner.writeError(session.text(L("cannot reconnect; try again later", "无法重新连接，请稍后再试")) + "\n")
                }
            }
            outcome = result == .refused ? .ok : outcome
        }
        if keepHistory, write_history(historyFile) != 0 {
            runner.writeError(
                session.text(L("warning: cannot save history to \(historyFile)", "警告：无法保存历史记录到 \(historyFile)")) + "\n")
        }
        return outcome
    }

    func prompt() -> String {
        let session = runner.session
        var text = "\(session.store.user)@\(session.store.database)"
        if let street = session.street { text += " \(street.name)" }
        if let date = session.todayOverride { text += " [\(date)]" }
        if session.recordedAsOf != nil { text += " [recorded-as-of]" }
        return text + "> "
    }
}

/// Ctrl-C: a flag the read loop checks, and a cancel request for a running statement.
enum Interrupt {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0
    nonisolated(unsafe) static var canceller: StatementCanceller?

    static var happened: Bool { flag != 0 }

    static func reset() { flag = 0 }

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupt.flag = 1
            Interrupt.canceller?.cancel()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}

/// Tab completion through libedit's readline interface: command words first, then the
/// command's flags, and live names from the database (communities, units, campaigns, codes).
enum Completion {
    nonisolated(unsafe) static var specs: [CommandSpec] = []
    nonisolated(unsafe) static var names: [String] = []
    nonisolated(unsafe) static var matches: [String] = []

    static func install(specs: [CommandSpec]) {
        Completion.specs = specs
        vigil_set_completion { text, state in
            guard let text else { return nil }
            if state == 0 {
                let line = vigil_line_buffer().map { String(cString: $0) } ?? ""
                let typed = String(line.utf8.prefix(Int(vigil_point()))) ?? line
                Completion.matches = Completion.candidates(typed: typed, partial: String(cString: text))
            }
            let index = Int(state)
            guard index < Completion.matches.count else { return nil }
            return strdup(Completion.matches[index])
        }
    }

    /// What may come next after `typed` (the line up to the cursor), starting with `partial`.
    ///
    /// Command words complete in English and in their Chinese aliases (`演练 安排`); after
    /// `help` come command words only.
    static func candidates(typed: String, partial: String) -> [String] {
        let words = Array(typed.split(separator: " ").map(String.init).dropLast(typed.hasSuffix(" ") ? 0 : 1))
        let isHelp = words.first == "help" || words.first == "帮助"
        let commandWords = isHelp ? Array(words.dropFirst()) : words
        let paths = specs.flatMap { spec in ([spec.path] + spec.aliases).map { (spec, $0) } }
        // The next word of every command whose words begin with the ones typed.
        let next = paths.compactMap { _, path in
            path.starts(with: commandWords) && path.count > commandWords.count ? path[commandWords.count] : nil
        }
        let matched = paths.filter { commandWords.starts(with: $0.1) }.max { $0.1.count < $1.1.count }
        var options: [String]
        if isHelp {
            options = next
        } else if let (spec, path) = matched {
            if partial.hasPrefix("-") {
                options = spec.flags.map { "--" + $0.name }
            } else {
                // Right after a command's words a longer command may go on (`compliance summary`,
                // `隐患 登记`), or the command's first name.
                options = names + (words.count == path.count ? next : [])
            }
        } else {
            options = next
        }
        return Array(Set(options.filter { $0.hasPrefix(partial) })).sorted()
    }

    /// Reads the names and codes worth completing; cheap, and refreshed after every command.
    /// Completion is a convenience: when the names cannot be read, Tab offers command words only
    /// and the command that runs next reports what is wrong.
    static func refresh(_ store: PlannerStore) {
        names = ((try? store.completionNames()) ?? []).filter { !$0.contains(" ") }
    }
}
