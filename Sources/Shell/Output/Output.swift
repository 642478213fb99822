import Foundation
import Planner

/// A cell of a result: rendered as text in tables and CSV, typed in JSON.
public indirect enum Value: Equatable, Sendable {
    case text(String)
    /// A fixed word (a status, a severity): its English code in JSON, translated in tables and CSV.
    case word(String, L)
    case int(Int)
    case number(Double, digits: Int)
    /// Money: `1,002,741.21` in tables (right-aligned), `1002741.21` in CSV, a string in JSON.
    case amount(Yuan)
    case bool(Bool)
    /// A yes/no shown as a word in tables and CSV when true (`over`), blank when false; a
    /// boolean in JSON.
    case flag(Bool, L)
    case null
    case list([Value])
    case object([(String, Value)])

    public static func date(_ date: LocalDate?) -> Value {
        date.map { .text($0.description) } ?? .null
    }

    public static func optional(_ text: String?) -> Value {
        text.map { .text($0) } ?? .null
    }

    public static func optional(_ number: Int?) -> Value {
        number.map { .int($0) } ?? .null
    }

    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.text(let a), .text(let b)): return a == b
        case (.word(let a, _), .word(let b, _)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.number(let a, let x), .number(let b, let y)): return a == b && x == y
        case (.amount(let a), .amount(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.flag(let a, _), .flag(let b, _)): return a == b
        case (.null, .null): return true
        case (.list(let a), .list(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

/// A column of a result table: its JSON key and its header in both languages.
public struct Column: Sendable, Equatable {
    public var key: String
    public var header: L

    public init(_ key: String, _ header: L) {
        (self.key, self.header) = (key, header)
    }
}

/// What a command produced.
public enum Output: Equatable, Sendable {
    /// Rows under columns; JSON is an array of objects.
    case table([Column], [[Value]])
    /// A single object (creating commands: `{"code": …}`), shown as a message in a table.
    case object([(String, Value)], message: L)
    /// Free text (help), shown as is; JSON wraps it as `{"text": …}`.
    case text(String)

    public static func == (lhs: Output, rhs: Output) -> Bool {
        switch (lhs, rhs) {
        case (.table(let c1, let r1), .table(let c2, let r2)): return c1 == c2 && r1 == r2
        case (.object(let o1, let m1), .object(let o2, let m2)): return Value.object(o1) == Value.object(o2) && m1 == m2
        case (.text(let a), .text(let b)): return a == b
        default: return false
        }
    }

    /// The usual result of a creating command.
    static func created(_ code: String, _ message: L) -> Output {
        .object([("code", .text(code))], message: message)
    }
}

extension Value {
    /// The value as plain text for tables and CSV.
    func plain(_ language: Language) -> String {
        switch self {
        case .amount(let yuan): return yuan.description
        case .flag(let flag, let label): return flag ? label.text(language) : ""
        case .text(let text): return text
        case .word(_, let label): return label.text(language)
        case .int(let number): return String(number)
        case .number(let number, let digits): return String(format: "%.\(digits)f", number)
        case .bool(let flag): return flag ? (language == .zh ? "是" : "yes") : (language == .zh ? "否" : "no")
        case .null: return ""
        case .list(let values): return values.map { $0.plain(language) }.joined(separator: language == .zh ? "、" : ", ")
        case .object(let fields): return fields.first.map { $0.1.plain(language) } ?? ""
        }
    }

    /// The value as text in a table: amounts with thousands separators, else as in CSV.
    func tabled(_ language: Language) -> String {
        if case .amount(let yuan) = self { return yuan.formatted }
        return plain(language)
    }
}
