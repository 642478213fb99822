import Foundation
import Planner
import Postgres

/// The point of view of a report: the as-of date, and optionally the log as it stood at an
/// instant (late entries excluded).
public struct AsOf: Sendable, Equatable {
    public var date: LocalDate
    public var recorded: Date?

    public init(date: LocalDate, recorded: Date? = nil) {
        (self.date, self.recorded) = (date, recorded)
    }

    var dateText: String { date.description }
}

extension PlannerStore {
    /// SQL for the community of the unit a report names `u`, as the log stood at `asOf`'s
    /// recorded instant: its current one unless it moved after that instant. The schema's
    /// `planner.community_at` answers the same in psql; a report spells it out, so that on Citus
    /// its whole query, this included, runs on the street's worker (a function called there may
    /// read no table).
    static func communityOfUnit(_ asOf: AsOf) -> Query {
        """
        CASE WHEN \(asOf.recorded)::timestamptz IS NULL OR u.moved_recorded_at IS NULL
                  OR u.moved_recorded_at <= \(asOf.recorded)::timestamptz THEN u.community
             ELSE (SELECT c.community FROM planner.unit_communities c
                    WHERE c.street = u.street AND c.unit = u.name AND c.recorded_at <= \(asOf.recorded)::timestamptz
                    ORDER BY c.position DESC LIMIT 1) END
        """
    }

    /// SQL for "this table's street is one of the report's streets", named on every table a
    /// report reads, joined ones too: PostgreSQL does not carry `= ANY` across a join (a join on
    /// the street alone read every street's units), and on Citus a street named as a value on
    /// each table is what routes the whole report to the one worker holding it.
    static func inStreets(_ column: String, _ streets: [Int]) -> Query {
        streets.count == 1
            ? "\(raw: column) = \(streets[0])" : "\(raw: column) = ANY (\(streets)::integer[])"
    }
}
