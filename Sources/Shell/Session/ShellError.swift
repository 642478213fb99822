import EventStore
import Planner

/// A refused command: what was wrong, naming the offending word, and what would be right.
public struct ShellError: Error, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The command was refused (exit status 1).
        case refused
        /// The connection failed or was lost.
        case connection
    }

    public var message: L
    public var hint: L?
    public var kind: Kind = .refused
    /// True when the record the command names does not exist (`notFound`): a report run in each
    /// of several streets skips the streets without it.
    var missing = false

    public init(_ message: L, hint: L? = nil, kind: Kind = .refused) {
        (self.message, self.hint, self.kind) = (message, hint, kind)
    }

    static func unknownCommand(_ words: String, suggestion: String?) -> ShellError {
        ShellError(
            L("unknown command: \(words)", "未知命令：\(words)"),
            hint: suggestion.map { L("did you mean: \($0)? (help lists every command)", "您是不是要输入：\($0)？（help 列出全部命令）") }
                ?? L("help lists every command", "help 列出全部命令"))
    }

    static func unknownFlag(_ flag: String, command: String, suggestion: String?) -> ShellError {
        ShellError(
            L("\(command) has no flag \(flag)", "\(command) 没有选项 \(flag)"),
            hint: suggestion.map { L("did you mean \($0)? (help \(command))", "您是不是要输入 \($0)？（help \(command)）") }
                ?? L("see: help \(command)", "参见：help \(command)"))
    }

    static func missingValue(flag: String, valueName: String) -> ShellError {
        ShellError(L("\(flag) needs a value (\(flag) \(valueName))", "\(flag) 需要一个值（\(flag) \(valueName)）"))
    }

    static func missingFlag(_ flag: String, valueName: String, command: String) -> ShellError {
        ShellError(
            L("\(command) needs \(flag) \(valueName)", "\(command) 需要 \(flag) \(valueName)"),
            hint: L("see: help \(command)", "参见：help \(command)"))
    }

    static func missingArgument(_ name: String, command: String) -> ShellError {
        ShellError(
            L("\(command) needs \(name)", "\(command) 需要 \(name)"),
            hint: L("see: help \(command)", "参见：help \(command)"))
    }

    static func unexpectedWord(_ word: String, command: String) -> ShellError {
        ShellError(
            L(
                "unexpected word \"\(word)\" after \(command); quote names that contain spaces",
                "\(command) 后多出了 \"\(word)\"；含空格的名称请加引号"))
    }

    static func badValue(word: String, flag: String, expected: L) -> ShellError {
        ShellError(
            L(
                "bad value \"\(word)\" for \(flag): expected \(expected.en)",
                "\(flag) 的值 \"\(word)\" 无效：应为\(expected.zh)"))
    }

    static func notFound(_ what: L, _ name: String) -> ShellError {
        var error = ShellError(L("no \(what.en) \(name)", "没有\(what.zh) \(name)"))
        error.missing = true
        return error
    }

    /// Translates the errors of the layers below into what the user sees.
    public static func from(_ error: any Error) -> ShellError {
        switch error {
        case let error as ShellError:
            return error
        case let error as DomainError:
            return ShellError(L(error.english, error.chinese))
        case let error as EventStoreError:
            switch error {
            case .permissionDenied(let type, let roles):
                let needed = roles.map { $0.replacingPrefix("vigil_", with: "") }.joined(separator: " or ")
                return ShellError(
                    L(
                        "permission denied: recording \(type) needs the role \(needed)",
                        "权限不足：登记 \(type) 需要 \(needed) 角色"))
            case .wrongExpectedVersion(let stream, _, _):
                return ShellError(
                    L(
                        "\(stream) was changed by someone else meanwhile; run the command again",
                        "\(stream) 刚被他人修改；请重新执行该命令"))
            default:
                return ShellError(L(error.description, error.description))
            }
        case let error as StoreError:
            return database(error)
        default:
            return ShellError(L("\(error)", "\(error)"))
        }
    }

    /// What the user sees when the database failed or refused a statement.
    private static func database(_ error: StoreError) -> ShellError {
        if error.isConnectionLost {
            return ShellError(L("connection lost: \(error.message)", "数据库连接中断：\(error.message)"), kind: .connection)
        }
        if error.isPermissionDenied {
            return ShellError(L("permission denied: \(error.message)", "权限不足：\(error.message)"))
        }
        // Refusals raised on purpose by Vigil's own functions read as plain messages.
        if error.isVigilRefusal {
            return ShellError(L(error.message, error.message), hint: error.hint.map { L($0, $0) })
        }
        return ShellError(L("database error: \(error.message)", "数据库错误：\(error.message)"))
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

/// The nearest known word to a mistyped one, for "did you mean".
enum Suggest {
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
