import Foundation

/// The rows a statement returned, copied out of libpq so the `PGresult` can be freed at once.
public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [Row]
    /// Rows inserted, updated or deleted (`PQcmdTuples`), 0 when not applicable.
    public var affectedRows: Int

    public init(columns: [String], rows: [Row], affectedRows: Int) {
        (self.columns, self.rows, self.affectedRows) = (columns, rows, affectedRows)
    }

    /// The first row, or nil when there is none.
    public var first: Row? { rows.first }
}

/// One row in text format; columns are read by position or by name.
public struct Row: Sendable {
    public let columnNames: [String]
    public let values: [String?]

    public init(columnNames: [String], values: [String?]) {
        (self.columnNames, self.values) = (columnNames, values)
    }

    /// Decodes a column by name, throwing when the column is missing, NULL or malformed.
    public func decode<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = columnNames.firstIndex(of: name) else {
            throw PostgresError(kind: .client, message: "no column named \(name)")
        }
        return try decode(index, as: type)
    }

    /// Decodes a column by position.
    public func decode<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw PostgresError(kind: .client, message: "no column at position \(index)")
        }
        guard let text = values[index] else {
            if let nullable = T.self as? any OptionalDecodable.Type, let null = nullable.nullValue as? T {
                return null
            }
            throw PostgresError(kind: .client, message: "column \(columnNames[index]) is NULL")
        }
        guard let value = T(postgresText: text) else {
            throw PostgresError(
                kind: .client, message: "column \(columnNames[index]) is not a \(T.self): \(text)")
        }
        return value
    }

    /// The raw text of a column, nil for NULL or a missing column.
    public subscript(name: String) -> String? {
        guard let index = columnNames.firstIndex(of: name) else { return nil }
        return values[index]
    }
}

/// A value that can be read from a text-format column.
public protocol PostgresDecodable {
    init?(postgresText: String)
}

/// Lets `Optional<T>` decode NULL as nil while every other type refuses NULL.
protocol OptionalDecodable {
    static var nullValue: Self { get }
}

extension Optional: OptionalDecodable {
    static var nullValue: Self { nil }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init?(postgresText: String) {
        guard let value = Wrapped(postgresText: postgresText) else { return nil }
        self = .some(value)
    }
}

extension String: PostgresDecodable {
    public init?(postgresText: String) { self = postgresText }
}

extension Int: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Int64: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Double: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Bool: PostgresDecodable {
    public init?(postgresText: String) {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

extension UUID: PostgresDecodable {
    public init?(postgresText: String) { self.init(uuidString: postgresText) }
}

extension Date: PostgresDecodable {
    public init?(postgresText: String) {
        guard let date = PostgresTime.parse(postgresText) else { return nil }
        self = date
    }
}

extension Bytes: PostgresDecodable {
    /// Reads `bytea` in the hex output format (`\x0a1b…`), the server default since 9.0.
    public init?(postgresText: String) {
        let utf8 = Array(postgresText.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"),
            utf8.count % 2 == 0
        else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((utf8.count - 2) / 2)
        var index = 2
        while index < utf8.count {
            guard let high = Bytes.nibble(utf8[index]), let low = Bytes.nibble(utf8[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }
}

extension JSONText: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText) }
}
