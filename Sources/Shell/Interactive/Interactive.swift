import CEditLine
import Foundation
import Postgres

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
        if setlocale(LC_ALL, "") == nil { setlocale(LC_ALL, "C.UTF-8") }
        Completion.install(words: Registry.standard.words)
        using_history()
        if read_history(historyFile) != 0, FileManager.default.fileExists(atPath: historyFile) {
            runner.writeError(
                runner.session.text(L("warning: cannot read history from \(historyFile)", "警告：无法读取历史记录 \(historyFile)"))
                    + "\n")
        }
        Interrupt.install()
        var outcome = Runner.Outcome.ok
        let session = runner.session
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
            Interrupt.cancelToken = session.connection.cancelToken()
            let result = runner.run(line: line)
            Interrupt.cancelToken = nil
            if result == .quit { break }
            if result == .connectionLost {
                do {
                    try session.connection.reset()
                    runner.writeError(session.text(L("reconnected", "已重新连接")) + "\n")
                } catch {
                    runner.writeError(session.text(L("cannot reconnect; try again later", "无法重新连接，请稍后再试")) + "\n")
                }
            }
            outcome = result == .refused ? .ok : outcome
        }
        if write_history(historyFile) != 0 {
            runner.writeError(
                session.text(L("warning: cannot save history to \(historyFile)", "警告：无法保存历史记录到 \(historyFile)")) + "\n")
        }
        return outcome
    }

    func prompt() -> String {
        let session = runner.session
        var text = "\(session.connection.user)@\(session.connection.database)"
        if let date = session.todayOverride { text += " [\(date)]" }
        if session.recordedAsOf != nil { text += " [recorded-as-of]" }
        return text + "> "
    }
}

/// Ctrl-C: a flag the read loop checks, and a cancel request for a running statement.
enum Interrupt {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0
    nonisolated(unsafe) static var cancelToken: CancelToken?

    static var happened: Bool { flag != 0 }

    static func reset() { flag = 0 }

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupt.flag = 1
            Interrupt.cancelToken?.cancelRunningStatement()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}

/// Tab completion of command words through libedit's readline interface.
enum Completion {
    nonisolated(unsafe) static var words: [String] = []
    nonisolated(unsafe) static var matches: [String] = []

    static func install(words: [String]) {
        Completion.words = words
        vigil_set_completion { text, state in
            guard let text else { return nil }
            let prefix = String(cString: text)
            if state == 0 {
                let line = vigil_line_buffer().map { String(cString: $0) } ?? ""
                let typed = line.prefix(Int(vigil_point()))
                let head = typed.dropLast(prefix.utf8.count).trimmingCharacters(in: .whitespaces)
                Completion.matches = Completion.words.compactMap { word in
                    let full = head.isEmpty ? word : head + " "
                    guard word.hasPrefix(full) || head.isEmpty else { return nil }
                    let rest = head.isEmpty ? word : String(word.dropFirst(full.count))
                    let next = rest.split(separator: " ").first.map(String.init) ?? ""
                    return next.hasPrefix(prefix) && !next.isEmpty ? next : nil
                }
                Completion.matches = Array(Set(Completion.matches)).sorted()
            }
            let index = Int(state)
            guard index < Completion.matches.count else { return nil }
            return strdup(Completion.matches[index])
        }
    }
}
