import Foundation
import Postgres

extension EventStore {
    /// Opens a connection to the log's database with its search path pinned.
    public static func open(conninfo: String, searchPath: String? = nil) throws -> EventStore {
        try StoreError.translating {
            EventStore(connection: try Connection(conninfo: conninfo, searchPath: searchPath))
        }
    }

    /// True when no migration is pending and no definition changed (read-only: any user may ask).
    public func schemaIsCurrent() throws -> Bool {
        try StoreError.translating { try Migrator().isCurrent(connection) }
    }

    /// Applies the pending migrations and returns those applied; with `distribute`, then
    /// distributes the tables by street over the Citus cluster this database coordinates.
    public func migrate(distribute: Bool = false) throws -> [Migration] {
        try StoreError.translating { try Migrator().migrate(connection, distribute: distribute) }
    }

    /// How many events the log holds.
    public func eventCount(streets: [Int]? = nil) throws -> Int {
        try StoreError.translating {
            try connection.query(
                """
                SELECT count(*) AS n FROM vigil.events
                 WHERE \(streets)::integer[] IS NULL OR street = ANY (\(streets)::integer[])
                """
            ).first?.decode("n", as: Int.self) ?? 0
        }
    }
}

extension RecordedEvent {
    /// When the event was recorded, as PostgreSQL writes a `timestamptz` in UTC.
    public var recordedAtText: String { PostgresTime.format(recordedAt) }
}
