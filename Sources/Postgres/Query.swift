import CivilTime
import Foundation

/// A value that can be sent to PostgreSQL as a text-format parameter.
public protocol PostgresEncodable {
    /// The parameter's text form, or nil for SQL NULL.
    var postgresText: String? { get }
}

extension String: PostgresEncodable {
    public var postgresText: String? { self }
}

extension Substring: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int32: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int64: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Double: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Bool: PostgresEncodable {
    public var postgresText: String? { self ? "true" : "false" }
}

extension UUID: PostgresEncodable {
    public var postgresText: String? { uuidString.lowercased() }
}

extension Date: PostgresEncodable {
    /// ISO 8601 in UTC with microseconds, which every timestamptz column accepts.
    public var postgresText: String? { PostgresTime.format(self) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? { self?.postgresText }
}

extension Array: PostgresEncodable where Element: PostgresEncodable {
    /// A PostgreSQL array literal, every element quoted so that no element can break out.
    public var postgresText: String? {
        let items = map { element -> String in
            guard let text = element.postgresText else { return "NULL" }
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return "{" + items.joined(separator: ",") + "}"
    }
}

/// Raw bytes sent as `bytea` in PostgreSQL's hex form.
public struct Bytes: PostgresEncodable, Sendable, Equatable {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var postgresText: String? {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A jsonb parameter: the text is sent as is and cast by the statement (`$1::jsonb`).
public struct JSONText: PostgresEncodable, Sendable, Equatable {
    public var text: String

    public init(_ text: String) {
        self.text = text
    }

    public var postgresText: String? { text }
}

/// A SQL statement whose interpolated values become bound parameters.
///
/// `"SELECT * FROM t WHERE id = \(id)"` is sent as `SELECT * FROM t WHERE id = $1` with `id`
/// bound, so a value can never become SQL. Use `\(raw:)` only for trusted identifiers that
/// the program itself wrote.
public struct Query: ExpressibleByStringInterpolation, Sendable {
    public var sql: String
    public var parameters: [String?]

    public init(_ sql: String, parameters: [String?] = []) {
        (self.sql, self.parameters) = (sql, parameters)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: Interpolation) {
        self.init(stringInterpolation.sql, parameters: stringInterpolation.parameters)
    }

    public struct Interpolation: StringInterpolationProtocol {
        var sql = ""
        var parameters: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            parameters.append(value.postgresText)
            sql += "$\(parameters.count)"
        }

        /// Binds an optional value; nil is sent as SQL NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            parameters.append(value?.postgresText)
            sql += "$\(parameters.count)"
        }

        /// Splices program-written SQL text (never user input).
        public mutating func appendInterpolation(raw: String) {
            sql += raw
        }

        /// Splices another query written by the program, its parameters bound after this one's:
        /// its `$n` become `$(n + count)`. (A fragment holds `$` followed by digits only as its
        /// own parameters, which interpolation guarantees.)
        public mutating func appendInterpolation(_ fragment: Query) {
            let offset = parameters.count
            var text = ""
            var rest = Substring(fragment.sql)
            while let dollar = rest.firstIndex(of: "$") {
                text += rest[..<dollar]
                let digits = rest[rest.index(after: dollar)...].prefix { $0.isASCII && $0.isNumber }
                text += Int(digits).map { "$\($0 + offset)" } ?? "$" + digits
                rest = rest[rest.index(dollar, offsetBy: digits.count + 1)...]
            }
            sql += text + rest
            parameters += fragment.parameters
        }
    }
}

/// Conversions between `Date` and PostgreSQL's ISO timestamp text, always in UTC.
public enum PostgresTime {
    public static func format(_ date: Date) -> String {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let seconds = Int64((micros / 1_000_000).rounded(.down))
        let fraction = Int64(micros) - seconds * 1_000_000
        let dayNumber = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(dayNumber) * 86_400)
        let (y, m, d) = CivilDay.date(dayNumber)
        let time = [secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60]
            .map { CivilDay.pad($0, 2) }.joined(separator: ":")
        return
            "\(CivilDay.pad(y, 4))-\(CivilDay.pad(m, 2))-\(CivilDay.pad(d, 2)) \(time).\(CivilDay.pad(Int(fraction), 6))+00"
    }

    /// Parses `YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM]` as the server prints a timestamptz.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        func skip(_ separator: Character) -> Bool {
            guard index < bytes.count, bytes[index] == separator.asciiValue else { return false }
            index += 1
            return true
        }
        guard let y = digits(4), skip("-"), let mo = digits(2), skip("-"), let d = digits(2),
            skip(" ") || skip("T"), let h = digits(2), skip(":"), let mi = digits(2), skip(":"),
            let s = digits(2)
        else { return nil }
        var micros = 0
        if skip(".") {
            var scale = 100_000
            while index < bytes.count, (48...57).contains(bytes[index]) {
                micros += Int(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < bytes.count {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let oh = digits(2) else { return nil }
            let om = skip(":") ? (digits(2) ?? 0) : 0
            offset = sign * (oh * 3600 + om * 60)
        }
        let seconds = CivilDay.number(year: y, month: mo, day: d) * 86_400 + h * 3600 + mi * 60 + s - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1_000_000)
    }
}

extension Query {
    /// Program-written queries joined by `separator`, each one's parameters bound in turn.
    public static func joined(_ parts: [Query], separator: String) -> Query {
        var interpolation = Interpolation(literalCapacity: 0, interpolationCount: parts.count)
        for (index, part) in parts.enumerated() {
            if index > 0 { interpolation.appendLiteral(separator) }
            interpolation.appendInterpolation(part)
        }
        return Query(stringInterpolation: interpolation)
    }
}
