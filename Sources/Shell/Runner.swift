import Foundation
import PlannerStore

/// Runs command lines in a session: parses each command fully before any I/O, checks the
/// user's role, runs it, and writes the result to standard output and refusals to standard error.
public final class Runner {
    /// How a line ended.
    public enum Outcome: Equatable, Sendable {
        case ok
        /// A command was refused; nothing of it was written.
        case refused
        /// The connection failed or was lost.
        case connectionLost
        case quit
    }

    public let session: Session
    let registry = Registry.standard
    let write: (String) -> Void
    let writeError: (String) -> Void

    public init(session: Session, write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) {
        (self.session, self.write, self.writeError) = (session, write, writeError)
    }

    /// Runs every command on one line; stops at the first that is refused.
    /// `location` (`file:line`) prefixes error messages from scripts.
    public func run(line: String, location: String? = nil) -> Outcome {
        let commands: [[Word]]
        do {
            commands = try Lexer.commands(in: line)
        } catch {
            report(
                ShellError(
                    L("unterminated quote: \(error.fragment)", "引号未闭合：\(error.fragment)"),
                    hint: L("close it with \(error.quote)", "请用 \(error.quote) 闭合")), at: location)
            return .refused
        }
        for words in commands {
            let outcome = run(words, location: location)
            if outcome != .ok { return outcome }
        }
        return .ok
    }

    func run(_ words: [Word], location: String?) -> Outcome {
        do {
            if let first = words.first, !first.quoted, first.text == "help" || first.text == "帮助", words.count > 1 {
                emit(.text(try Help.asked(Array(words.dropFirst()), registry: registry, session)))
                return .ok
            }
            let (spec, command) = try registry.parse(words)
            guard session.may(spec) else {
                let needed = (spec.roles ?? []).union([.admin]).sorted().map(\.rawValue)
                throw ShellError(
                    L(
                        "permission denied: \(spec.name) needs the role \(needed.joined(separator: " or ")); you are \(session.store.user)",
                        "权限不足：\(spec.name) 需要 \(needed.joined(separator: " 或 ")) 角色；当前用户为 \(session.store.user)"))
            }
            emit(try session.run(spec, command) { try command.run(in: session) })
            return .ok
        } catch is Quit {
            return .quit
        } catch {
            let shellError = ShellError.from(error)
            report(shellError, at: location)
            return shellError.kind == .connection ? .connectionLost : .refused
        }
    }

    func emit(_ output: Output) {
        let text = Renderer(format: session.format, language: session.language, terminal: session.terminal).render(
            output)
        if let pager = session.terminal.pager, text.reduce(0, { $1 == "\n" ? $0 + 1 : $0 }) > session.terminal.rows - 2,
            pager.show(text)
        {
            return
        }
        write(text)
    }

    func report(_ error: ShellError, at location: String?) {
        let prefix = location.map { $0 + ": " } ?? ""
        let label = session.text(L("error: ", "错误："))
        let coloured = session.terminal.errorColor ? "\u{1B}[31m" + label + "\u{1B}[0m" : label
        var text = prefix + coloured + session.text(error.message) + "\n"
        if let hint = error.hint {
            text += String(repeating: " ", count: prefix.count) + session.text(hint) + "\n"
        }
        writeError(text)
    }

    /// Runs a script: one command per line, `#` comments; stops at the first refused command.
    public func run(script: String, name: String) -> Outcome {
        var number = 0
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let outcome = run(line: String(line), location: "\(name):\(number)")
            if outcome != .ok { return outcome }
        }
        return .ok
    }
}

extension Session {
    /// True when the user's roles allow the command (admins may run everything).
    func may(_ spec: CommandSpec) -> Bool {
        guard let needed = spec.roles else { return true }
        return roles.contains(.admin) || !roles.isDisjoint(with: needed)
    }
}
