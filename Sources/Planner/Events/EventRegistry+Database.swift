import Foundation

/// The registry as the database keeps it: one row of `vigil.event_types` per type.
///
/// `vigil.validate_event` reads these rows; the migration that writes them was generated from
/// `EventRegistry.databaseJSON()`, and a test compares the table with it.
public struct EventTypeRow: Codable, Sendable, Equatable {
    public struct Field: Codable, Sendable, Equatable {
        public var name: String
        public var kind: String
        public var required: Bool
        public var maxLength: Int?
        public var values: [String]?
        public var prefix: String?
    }

    public var type: String
    public var streamKind: String
    public var roles: [String]
    public var schemaVersion: Int
    /// The payload field that names the stream (`code`, `name`), `notice.year`, or nil.
    public var key: String?
    public var fields: [Field]
}

extension EventTypeSpec {
    /// This type as a row of `vigil.event_types`.
    public var databaseRow: EventTypeRow {
        let keyName: String? =
            switch key {
            case .field(let name): name
            case .noticeYear: "notice.year"
            case nil: nil
            }
        return EventTypeRow(
            type: name, streamKind: stream.rawValue, roles: roles.map(\.rawValue), schemaVersion: schemaVersion,
            key: keyName, fields: fields.map(\.databaseField))
    }
}

extension FieldSpec {
    var databaseField: EventTypeRow.Field {
        var field = EventTypeRow.Field(name: name, kind: "", required: required)
        switch kind {
        case .text(let maxLength):
            field.kind = "text"
            field.maxLength = maxLength
        case .date: field.kind = "date"
        case .count: field.kind = "count"
        case .positive: field.kind = "positive"
        case .year: field.kind = "year"
        case .percent: field.kind = "percent"
        case .amount: field.kind = "amount"
        case .boolean: field.kind = "boolean"
        case .choice(let values):
            field.kind = "choice"
            field.values = values
        case .code(let prefix):
            field.kind = "code"
            field.prefix = prefix
        case .codes(let prefix):
            field.kind = "codes"
            field.prefix = prefix
        case .names:
            field.kind = "names"
            field.maxLength = EventRegistry.nameLength
        case .object: field.kind = "object"
        case .array: field.kind = "array"
        case .attachments: field.kind = "attachments"
        }
        return field
    }
}

extension EventRegistry {
    /// Every type's row, as the JSON array the migration loads into `vigil.event_types`.
    public static func databaseJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(types.map(\.databaseRow)), as: UTF8.self)
    }
}
