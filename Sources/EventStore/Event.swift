import Foundation
import Postgres

/// An event to append: its id makes a retry idempotent.
public struct NewEvent: Sendable, Equatable {
    public var id: UUID
    public var type: String
    public var schemaVersion: Int
    /// The event's data as JSON text (an object).
    public var data: String

    public init(id: UUID = UUID(), type: String, schemaVersion: Int = 1, data: String) {
        (self.id, self.type, self.schemaVersion, self.data) = (id, type, schemaVersion, data)
    }
}

/// Who and why, attached to every event of one command; the actor is added by the database.
public struct EventMetadata: Sendable, Equatable, Codable {
    public var commandID: UUID
    public var correlationID: UUID
    public var causationID: UUID?

    public init(commandID: UUID = UUID(), correlationID: UUID? = nil, causationID: UUID? = nil) {
        self.commandID = commandID
        self.correlationID = correlationID ?? commandID
        self.causationID = causationID
    }

    enum CodingKeys: String, CodingKey {
        case commandID = "command_id"
        case correlationID = "correlation_id"
        case causationID = "causation_id"
    }
}

/// An event as stored in the log.
public struct RecordedEvent: Sendable, Equatable {
    /// The street whose log holds the event (0: national records).
    public var street: Int
    /// The event's position in its street's log.
    public var position: Int64
    public var transactionID: UInt64
    public var streamID: String
    public var streamVersion: Int
    public var id: UUID
    public var type: String
    public var schemaVersion: Int
    /// JSON text of the data, in PostgreSQL's canonical jsonb form.
    public var data: String
    /// JSON text of the metadata, including the `actor` the database stamped.
    public var metadata: String
    public var recordedAt: Date

    /// The database role that appended the event.
    public var actor: String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(metadata.utf8)) as? [String: Any]
        else { return nil }
        return object["actor"] as? String
    }

    static let columns =
        "street, position, transaction_id::text AS transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data::text AS data, metadata::text AS metadata, recorded_at"

    init(row: Row) throws {
        street = try row.decode("street")
        position = try row.decode("position")
        transactionID = UInt64(try row.decode("transaction_id", as: String.self)) ?? 0
        streamID = try row.decode("stream_id")
        streamVersion = try row.decode("stream_version")
        id = try row.decode("event_id")
        type = try row.decode("event_type")
        schemaVersion = try row.decode("schema_version")
        data = try row.decode("data")
        metadata = try row.decode("metadata")
        recordedAt = try row.decode("recorded_at")
    }
}

/// What the writer expects of a stream's version before appending.
public enum ExpectedVersion: Sendable, Equatable {
    case any
    case noStream
    case streamExists
    case exact(Int)

    var code: Int64 {
        switch self {
        case .any: return -1
        case .noStream: return -2
        case .streamExists: return -3
        case .exact(let version): return Int64(version)
        }
    }
}

/// The outcome of an append.
public struct AppendResult: Sendable, Equatable {
    /// The stream's version after the append.
    public var streamVersion: Int
    /// The positions of the appended events in their street's log, in order.
    public var positions: [Int64]

    public init(streamVersion: Int, positions: [Int64]) {
        (self.streamVersion, self.positions) = (streamVersion, positions)
    }
}

/// A point in the log merged across streets that a reader has read up to: (transaction id,
/// street, position).
///
/// Positions alone are not enough: they are each street's own, and a transaction of one street
/// may commit after a later one of another. Readers page in (transaction id, street, position)
/// order and only below the oldest running transaction, so an event that commits late is never
/// skipped. (Within one street, positions commit in order: its writers queue on the street.)
public struct Checkpoint: Sendable, Equatable, Comparable, Codable {
    public var transactionID: UInt64
    public var street: Int
    public var position: Int64

    public init(transactionID: UInt64, street: Int = 0, position: Int64) {
        (self.transactionID, self.street, self.position) = (transactionID, street, position)
    }

    /// The checkpoint just after an event.
    public init(after event: RecordedEvent) {
        self.init(transactionID: event.transactionID, street: event.street, position: event.position)
    }

    public static let start = Checkpoint(transactionID: 0, position: 0)

    public static func < (lhs: Checkpoint, rhs: Checkpoint) -> Bool {
        (lhs.transactionID, lhs.street, lhs.position) < (rhs.transactionID, rhs.street, rhs.position)
    }
}
