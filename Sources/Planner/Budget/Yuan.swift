/// An amount of money in yuan, kept exactly as a whole number of fen (分, 0.01 yuan).
///
/// Budgets and expenses are added up across a year; binary floating point would turn
/// `0.1 + 0.2` into `0.30000000000000004` and a year's total into a figure the office's own
/// ledger does not show. Amounts are written with at most two decimals (`80000`, `12345.67`),
/// stored and sent as plain strings (`"12345.67"`), and shown with thousands separators in
/// tables (`1,002,741.21`).
public struct Yuan: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in fen; negative only for a difference (an over-spent line's remainder).
    public var fen: Int64

    /// The largest amount a budget or an expense may name: 999,999,999,999.99 yuan. Anything
    /// larger is a typing mistake, and a bound keeps the sum of many far from Int64's limit.
    public static let maximum = Yuan(fen: 99_999_999_999_999)
    public static let zero = Yuan(fen: 0)

    public init(fen: Int64) {
        self.fen = fen
    }

    /// Reads an amount as written: digits, optionally a point and one or two decimals. Refuses
    /// a sign, an exponent, a third decimal and anything above `maximum`, naming the word.
    public init(_ text: String) throws(DomainError) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let decimals = parts.count == 2 ? parts[1] : ""
        let digits: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard !whole.isEmpty, digits(whole), digits(decimals), parts.count == 1 || !decimals.isEmpty else {
            throw DomainError(
                "\"\(text)\" is not an amount in yuan; expected digits with at most two decimals, e.g. 12345.67",
                "“\(text)” 不是以元计的金额；应为数字，最多两位小数，如 12345.67")
        }
        guard decimals.count <= 2 else {
            throw DomainError(
                "\"\(text)\" has more than two decimals; amounts are yuan and fen, e.g. 12345.67",
                "“\(text)” 超过两位小数；金额以元计，精确到分，如 12345.67")
        }
        let significant = whole.drop { $0 == "0" }
        let cents = decimals + String(repeating: "0", count: 2 - decimals.count)
        guard significant.count <= 12, let yuan = Int64(whole), let fen = Int64(cents),
            yuan * 100 + fen <= Self.maximum.fen
        else {
            throw DomainError(
                "\"\(text)\" is too large an amount; at most \(Self.maximum.formatted) yuan",
                "“\(text)” 金额过大；最多 \(Self.maximum.formatted) 元")
        }
        self.fen = yuan * 100 + fen
    }

    /// The plain form, for storage, JSON and CSV: `12345.67`, `-2741.21`, always two decimals.
    public var description: String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + "\(magnitude / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    /// The form for tables and reports, with thousands separators: `1,002,741.21`.
    public var formatted: String {
        let magnitude = fen.magnitude
        var whole = String(magnitude / 100)
        var groups: [Substring] = []
        while whole.count > 3 {
            groups.insert(whole.suffix(3), at: 0)
            whole.removeLast(3)
        }
        groups.insert(Substring(whole), at: 0)
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + groups.joined(separator: ",") + "." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    public static func < (lhs: Yuan, rhs: Yuan) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Yuan, rhs: Yuan) -> Yuan { Yuan(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Yuan, rhs: Yuan) -> Yuan { Yuan(fen: lhs.fen - rhs.fen) }
    public static func += (lhs: inout Yuan, rhs: Yuan) { lhs = lhs + rhs }
}

extension Sequence where Element == Yuan {
    /// The exact total, in fen.
    public func sum() -> Yuan { reduce(.zero, +) }
}

extension Yuan: Codable {
    /// Stored as a JSON string (`"12345.67"`), never a JSON number, so no reader rounds it.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.english))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
