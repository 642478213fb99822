import Foundation
import Postgres

/// Appends to and reads from the event log in PostgreSQL.
///
/// Every write goes through the `vigil.append` function, which checks the caller's roles,
/// stamps the actor and time, chains the hash and applies the projections in the same
/// transaction.
public struct EventStore {
    public let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Appends events to one stream atomically, in `street` when the caller knows it (0 for a
    /// national stream), else in the session's street. Naming the street lets Citus send the
    /// whole append to the worker that holds the street, as one call.
    @discardableResult
    public func append(
        _ events: [NewEvent], to stream: String, expected: ExpectedVersion,
        metadata: EventMetadata = EventMetadata(), street: Int? = nil
    ) throws -> AppendResult {
        try StoreError.translating {
            let metadataJSON = try EventStore.encodeMetadata(metadata)
            let payload = events.map { event in
                "{\"event_id\":\"\(event.id.uuidString.lowercased())\",\"type\":\(EventStore.jsonString(event.type)),\"schema_version\":\(event.schemaVersion),\"data\":\(event.data),\"metadata\":\(metadataJSON)}"
            }
            let array = "[" + payload.joined(separator: ",") + "]"
            do {
                let events = JSONText(array)
                let result = try connection.query(
                    street.map {
                        """
                        SELECT stream_version, array_to_string(positions, ',') AS positions
                          FROM vigil.append_to(\($0), \(stream), \(expected.code), \(events)::jsonb)
                        """
                    }
                        ?? """
                        SELECT stream_version, array_to_string(positions, ',') AS positions
                          FROM vigil.append(\(stream), \(expected.code), \(events)::jsonb)
                        """, prepared: true)
                guard let row = result.first else {
                    throw PostgresError(kind: .client, message: "append returned no row")
                }
                let positions = try row.decode("positions", as: String.self)
                    .split(separator: ",").compactMap { Int64($0) }
                return AppendResult(streamVersion: try row.decode("stream_version"), positions: positions)
            } catch let error as PostgresError {
                throw EventStoreError.from(error, stream: stream, expected: expected)
            }
        }
    }

    /// The events of one stream from a version on, oldest first, in `street` when the caller
    /// knows it, else in the session's street (a national stream's in street 0).
    public func read(stream: String, fromVersion: Int = 1, street: Int? = nil) throws -> [RecordedEvent] {
        try StoreError.translating {
            try connection.query(
                """
                SELECT \(raw: RecordedEvent.columns) FROM vigil.events
                 WHERE street = \(try self.street(of: stream, street)) AND stream_id = \(stream)
                   AND stream_version >= \(fromVersion)
                 ORDER BY stream_version
                """, prepared: true
            ).rows.map(RecordedEvent.init(row:))
        }
    }

    /// The current version of a stream, 0 when it does not exist.
    public func version(of stream: String, street: Int? = nil) throws -> Int {
        try StoreError.translating {
            let result = try connection.query(
                """
                SELECT version FROM vigil.streams
                 WHERE street = \(try self.street(of: stream, street)) AND stream_id = \(stream)
                """, prepared: true)
            return try result.first?.decode("version") ?? 0
        }
    }

    /// The street a stream's events are kept in: `street` when the caller knows it, else the
    /// database's answer (the session's street, or 0 for a national stream; nil when no street
    /// is chosen). A query names it as a value: on Citus that sends it to one worker, where a
    /// function of the session could not be asked.
    func street(of stream: String, _ street: Int?) throws -> Int? {
        if let street { return street }
        return try connection.query("SELECT vigil.stream_street(\(stream)) AS street").first?
            .decode("street", as: Int?.self)
    }

    /// The next page of the log merged across streets after `checkpoint`, only below the
    /// transaction horizon.
    ///
    /// Events whose transaction is not older than every running transaction are left for a
    /// later call, so a reader that saves the last event's checkpoint never skips an event
    /// that commits late. (The order is the column's, `e.transaction_id`: the select list
    /// has a text column of the same name, and text sorts "10000" before "9998".)
    public func readAll(after checkpoint: Checkpoint, limit: Int = 1000) throws -> [RecordedEvent] {
        try StoreError.translating {
            try connection.query(
                """
                SELECT \(raw: RecordedEvent.columns) FROM vigil.events e
                 WHERE (e.transaction_id, e.street, e.position)
                       > (\(String(checkpoint.transactionID))::xid8, \(checkpoint.street), \(checkpoint.position))
                   AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                 ORDER BY e.transaction_id, e.street, e.position
                 LIMIT \(limit)
                """
            ).rows.map(RecordedEvent.init(row:))
        }
    }

    /// The next page of the log after each street's last position read (a street not in
    /// `positions`: from its first event), in (street, position) order.
    ///
    /// A street's writers queue on its counter, so the events it has committed always form a
    /// prefix of its positions: a reader that remembers each street's last position never skips
    /// one that commits late, and needs no order across streets. This is how the log is followed
    /// on Citus, where each worker numbers its own transactions and no horizon spans them.
    public func readAll(afterStreetPositions positions: [Int: Int64], limit: Int = 1000) throws -> [RecordedEvent] {
        let streets = positions.keys.sorted()
        return try StoreError.translating {
            try connection.query(
                """
                SELECT \(raw: RecordedEvent.columns) FROM vigil.events e
                  LEFT JOIN unnest(\(streets)::integer[], \(streets.map { positions[$0] ?? 0 })::bigint[]) AS c(s, last)
                    ON c.s = e.street
                 WHERE e.position > coalesce(c.last, 0)
                 ORDER BY e.street, e.position
                 LIMIT \(limit)
                """
            ).rows.map(RecordedEvent.init(row:))
        }
    }

    /// Each street's last committed position, for a reader that starts at the end of the log.
    public func streetPositions() throws -> [Int: Int64] {
        try StoreError.translating {
            var positions: [Int: Int64] = [:]
            for row in try connection.query("SELECT street, last_position FROM vigil.street_logs").rows {
                positions[try row.decode("street")] = try row.decode("last_position")
            }
            return positions
        }
    }

    /// Replays the whole log into one projection and returns the number of events replayed.
    @discardableResult
    public func rebuild(projection name: String) throws -> Int {
        try StoreError.translating {
            try connection.transaction { connection in
                let result = try connection.query("SELECT vigil.rebuild(\(name)) AS replayed")
                return try result.first?.decode("replayed") ?? 0
            }
        }
    }

    /// The registered projections with their versions and checkpoints.
    public func projections() throws -> [ProjectionStatus] {
        try StoreError.translating {
            try connection.query(
                "SELECT name, version, last_position FROM vigil.projections ORDER BY name"
            ).rows.map { row in
                ProjectionStatus(
                    name: try row.decode("name"), version: try row.decode("version"),
                    lastPosition: try row.decode("last_position"))
            }
        }
    }

    static func encodeMetadata(_ metadata: EventMetadata) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(metadata), as: UTF8.self)
    }

    static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A projection's name, version and how far it has applied the log.
public struct ProjectionStatus: Sendable, Equatable {
    public var name: String
    public var version: Int
    public var lastPosition: Int64
}
