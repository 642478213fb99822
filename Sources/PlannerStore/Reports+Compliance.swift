import EventStore
import Foundation
import Planner
import Postgres

/// How well one community kept one campaign over the selected periods.
public struct ComplianceRow: Sendable, Equatable {
    public var campaign: String
    public var community: String
    public var required: Int
    public var covered: Int
    public var missing: [Period]
    /// Every period owed, in order (`missing` are those not covered).
    public var periods: [Period]

    /// covered / required, 1.0 when nothing is required.
    public var rate: Double { Coverage.rate(covered: covered, required: required) }
}

/// A campaign as defined.
public struct CampaignRow: Sendable, Equatable {
    public var name: String
    /// The cadence with its window, day or month.
    public var schedule: Schedule
    public var communities: [String]?
}

extension PlannerStore {
    /// The campaigns, in the order they were defined.
    ///
    /// A fixed day and a fixed month are read from the defining event itself (the row's
    /// position is that event's), so the projection's tables need no column for them.
    public func campaigns(_ asOf: AsOf? = nil) throws -> [CampaignRow] {
        try StoreError.translating {
            let street = try currentStreet()
            let rows = try connection.query(
                """
                SELECT c.name, c.cadence, c.window_days, array_to_json(c.communities)::text AS communities,
                       e.data->>'day' AS day, (e.data->>'month')::integer AS month
                  FROM planner.campaigns c
                  LEFT JOIN vigil.events e
                         ON e.street = \(street) AND e.position = c.position AND e.event_type = 'CampaignDefined'
                 WHERE c.street = \(street)
                   AND c.recorded_at <= coalesce(\(asOf?.recorded)::timestamptz, 'infinity')
                 ORDER BY c.position
                """)
            return try rows.rows.map { row in
                let scope = try row.decode("communities", as: String?.self).map { text in
                    try JSONDecoder().decode([String].self, from: Data(text.utf8))
                }
                let schedule = try Schedule(
                    storedCadence: try row.decode("cadence"), windowDays: try row.decode("window_days"),
                    day: try row.decode("day", as: String?.self), month: try row.decode("month", as: Int?.self))
                return CampaignRow(name: try row.decode("name"), schedule: schedule, communities: scope)
            }
        }
    }

    /// Compliance of one campaign per community in its scope: the rule of
    /// `Coverage.of(_:activities:recordedAsOf:)`, with activities matched to periods in SQL for
    /// speed.
    public func compliance(_ campaign: CampaignRow, selection: PeriodSelection, asOf: AsOf) throws -> [ComplianceRow] {
        try StoreError.translating {
            let street = try currentStreet()
            let years: ClosedRange<Int>
            switch selection {
            case .year(let year): years = (year - 1)...(year + 1)
            case .range(let from, let to): years = (from.year - 1)...(to.year + 1)
            }
            let calendar = try holidayCalendar(years: years, recordedAsOf: asOf.recorded)
            let periods = Period.required(
                Period.periods(campaign.schedule, selection: selection, calendar: calendar), asOf: asOf.date)
            // Weeks, months and quarters are found by truncating the activity's date, which lets
            // PostgreSQL hash-join them; holiday and fixed-day windows (a handful a year) by range.
            let match: String
            switch campaign.schedule {
            case .weekly: match = "date_trunc('week', a.on_date)::date = p.start_on"
            case .monthly, .fixedMonth: match = "date_trunc('month', a.on_date)::date = p.start_on"
            case .quarterly: match = "date_trunc('quarter', a.on_date)::date = p.start_on"
            case .holiday, .fixedDay: match = "a.on_date BETWEEN p.start_on AND p.end_on"
            }
            let rows = try connection.query(
                """
                WITH periods AS (
                    SELECT * FROM unnest(\(periods.map(\.label))::text[], \(periods.map(\.start.description))::date[],
                                         \(periods.map(\.end.description))::date[]) WITH ORDINALITY AS p(label, start_on, end_on, n)
                ), scope AS (
                    SELECT c.name, c.position FROM planner.communities c
                     WHERE c.street = \(street)
                       AND (\(campaign.communities)::text[] IS NULL OR c.name = ANY(\(campaign.communities)::text[]))
                       AND c.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                ), covered AS (
                    SELECT a.community, array_agg(DISTINCT p.n) AS periods
                      FROM planner.activities a JOIN periods p ON \(raw: match)
                     WHERE a.street = \(street) AND a.campaign = \(campaign.name)
                       AND a.on_date BETWEEN (SELECT min(start_on) FROM periods) AND (SELECT max(end_on) FROM periods)
                       AND a.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                       AND (a.retracted_at IS NULL OR a.retracted_at > coalesce(\(asOf.recorded)::timestamptz, 'infinity'))
                     GROUP BY a.community
                )
                SELECT s.name AS community, coalesce(array_to_string(c.periods, ','), '') AS covered
                  FROM scope s LEFT JOIN covered c ON c.community = s.name
                 ORDER BY s.position
                """)
            // Every community owes every selected period; which ones it covered comes from the
            // database, the rest is arithmetic on the periods this side already has.
            return try rows.rows.map { row in
                let covered = Set(
                    try row.decode("covered", as: String.self).split(separator: ",").compactMap { Int($0) })
                return ComplianceRow(
                    campaign: campaign.name, community: try row.decode("community"), required: periods.count,
                    covered: covered.count,
                    missing: periods.indices.filter { !covered.contains($0 + 1) }.map { periods[$0] }, periods: periods)
            }
        }
    }
}
