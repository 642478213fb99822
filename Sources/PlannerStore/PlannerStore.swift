import EventStore
import Foundation
import Planner
import Postgres

/// The domain's side of the database: loads aggregates from their streams, appends what the
/// deciders decide, and answers the reports from the projection tables.
public struct PlannerStore {
    public let connection: Connection
    public let events: EventStore
    /// The street `use(street:)` last set on the connection, which appends name.
    let working = WorkingStreet()

    public init(connection: Connection) {
        self.connection = connection
        self.events = EventStore(connection: connection)
    }

    /// The street the connection works in, when the session chose one, and the streets a
    /// district's roll-up reads at once while it runs (`rollingUp(_:_:)`).
    final class WorkingStreet {
        var id: Int?
        var rollUp: [Int]?
        var distributed: Bool?
    }

    /// The street a stream is kept in, as far as the session knows: 0 for national records,
    /// else the street it chose (nil: the database decides).
    public func street(of stream: String) -> Int? {
        Stream.isNational(stream) ? 0 : working.id
    }

    /// The stream an aggregate lives in.
    public enum Stream {
        public static func community(_ name: String) -> String { "community:" + name }
        public static func unit(_ name: String) -> String { "unit:" + name }
        public static func plan(_ code: String) -> String { "plan:" + code }
        public static func drill(_ code: String) -> String { "drill:" + code }
        public static func campaign(_ name: String) -> String { "campaign:" + name }
        public static func activity(_ code: String) -> String { "activity:" + code }
        public static func holidays(_ year: Int) -> String { "holidays:\(year)" }
        public static func inspection(_ code: String) -> String { "inspection:" + code }
        public static func finding(_ code: String) -> String { "finding:" + code }
        public static func budget(_ year: Int) -> String { "budget:\(year)" }
        public static func expense(_ code: String) -> String { "expense:" + code }
        public static func target(_ year: Int) -> String { "target:\(year)" }

        /// True for a stream of national records, kept in street 0 (the holiday notices).
        public static func isNational(_ stream: String) -> Bool { stream.hasPrefix("holidays:") }

        /// The stream a code names (`P-3`, `D-1`, `A-7`, `I-2`, `F-4`, `E-5`), or nil.
        public static func forCode(_ code: String) -> String? {
            guard let dash = code.firstIndex(of: "-"), Int(code[code.index(after: dash)...]) != nil else { return nil }
            switch code[..<dash] {
            case "P": return plan(code)
            case "D": return drill(code)
            case "A": return activity(code)
            case "I": return inspection(code)
            case "F": return finding(code)
            case "E": return expense(code)
            default: return nil
            }
        }
    }

    /// An aggregate's state and the stream version it was folded from.
    public struct Loaded<A: Aggregate> {
        public var state: A
        public var version: Int
    }

    /// Folds a stream into its aggregate's state.
    public func load<A: Aggregate>(_: A.Type, stream: String) throws -> Loaded<A> {
        try StoreError.translating {
            let recorded = try events.read(stream: stream, street: street(of: stream))
            let decoded = try recorded.map {
                try Event.decode(type: $0.type, schemaVersion: $0.schemaVersion, data: $0.data)
            }
            return Loaded(state: A.fold(decoded), version: recorded.last?.streamVersion ?? 0)
        }
    }

    /// Appends the decided events, expecting the stream at the version it was loaded at.
    @discardableResult
    public func append(_ decided: [Event], to stream: String, expectedVersion: Int, metadata: EventMetadata)
        throws -> AppendResult
    {
        try StoreError.translating {
            let newEvents = try decided.map { event -> NewEvent in
                let encoded = try event.encoded()
                return NewEvent(type: encoded.type, schemaVersion: encoded.schemaVersion, data: encoded.data)
            }
            return try events.append(
                newEvents, to: stream, expected: expectedVersion == 0 ? .noStream : .exact(expectedVersion),
                metadata: metadata, street: street(of: stream))
        }
    }

    /// Takes the next code of a kind (`P`, `D`, `A`, `I`, `F`) inside the current transaction, in
    /// the street the session works in (the database's answer when none is chosen here).
    public func nextCode(_ kind: String) throws -> String {
        try StoreError.translating {
            let row = try connection.query(
                working.id.map { "SELECT planner.next_code_in(\($0), \(kind)) AS code" }
                    ?? "SELECT planner.next_code(\(kind)) AS code", prepared: true
            ).first
            guard let code = try row?.decode("code", as: String.self) else {
                throw PostgresError(kind: .client, message: "no code returned")
            }
            return code
        }
    }

    /// The holiday calendar for a range of years: each year's newest imported notice recorded by
    /// `recordedAsOf`, else the shipped data, else computed dates.
    public func holidayCalendar(years: ClosedRange<Int>, recordedAsOf: Date? = nil) throws -> HolidayCalendar {
        try StoreError.translating {
            let rows = try connection.query(
                """
                SELECT DISTINCT ON (year) notice::text AS notice FROM planner.holiday_notices
                 WHERE street = 0 AND recorded_at <= coalesce(\(recordedAsOf)::timestamptz, 'infinity')
                 ORDER BY year, position DESC
                """, prepared: true)
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let imported = try rows.rows.map { row in
                try decoder.decode(HolidayNotice.self, from: Data(try row.decode("notice", as: String.self).utf8))
            }
            let importedYears = imported.map(\.year)
            let low = min(years.lowerBound, importedYears.min() ?? years.lowerBound)
            let high = max(years.upperBound, importedYears.max() ?? years.upperBound)
            return HolidayCalendar(imported: imported, years: low...high)
        }
    }
}
