import EventStore
import Foundation
import Planner
import Postgres

/// How well one community kept one campaign over the selected periods.
public struct ComplianceRow: Sendable, Equatable {
    /// The street the campaign is kept in.
    public var street: Int
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
    /// The street that defined it.
    public var street: Int
    public var name: String
    /// The cadence with its window, day or month.
    public var schedule: Schedule
    public var communities: [String]?
}

extension PlannerStore {
    /// The campaigns, in the order they were defined (street by street, in a roll-up).
    ///
    /// A fixed day and a fixed month are read from the defining event itself (the row's
    /// position is that event's), so the projection's tables need no column for them.
    public func campaigns(_ asOf: AsOf? = nil) throws -> [CampaignRow] {
        try StoreError.translating {
            let streets = try currentStreets()
            let rows = try connection.query(
                """
                SELECT c.street, c.name, c.cadence, c.window_days, array_to_json(c.communities)::text AS communities,
                       e.data->>'day' AS day, (e.data->>'month')::integer AS month
                  FROM planner.campaigns c
                  LEFT JOIN vigil.events e
                         ON e.street = c.street AND \(PlannerStore.inStreets("e.street", streets))
                        AND e.position = c.position AND e.event_type = 'CampaignDefined'
                 WHERE \(PlannerStore.inStreets("c.street", streets))
                   AND c.recorded_at <= coalesce(\(asOf?.recorded)::timestamptz, 'infinity')
                 ORDER BY c.street, c.position
                """, prepared: true)
            return try rows.rows.map { row in
                let scope = try row.decode("communities", as: String?.self).map { text in
                    try JSONDecoder().decode([String].self, from: Data(text.utf8))
                }
                let schedule = try Schedule(
                    storedCadence: try row.decode("cadence"), windowDays: try row.decode("window_days"),
                    day: try row.decode("day", as: String?.self), month: try row.decode("month", as: Int?.self))
                return CampaignRow(
                    street: try row.decode("street"), name: try row.decode("name"), schedule: schedule,
                    communities: scope)
            }
        }
    }

    /// Compliance of one campaign per community in its scope: the rule of
    /// `Coverage.of(_:activities:recordedAsOf:)`, with activities matched to periods in SQL for
    /// speed.
    public func compliance(_ campaign: CampaignRow, selection: PeriodSelection, asOf: AsOf) throws -> [ComplianceRow] {
        try compliance([campaign], selection: selection, asOf: asOf)
    }

    /// Compliance of several campaigns, of one street or several, in their order, each one's
    /// communities in theirs: one query, and the holiday calendar read once.
    public func compliance(_ campaigns: [CampaignRow], selection: PeriodSelection, asOf: AsOf) throws
        -> [ComplianceRow]
    {
        try StoreError.translating {
            let years: ClosedRange<Int>
            switch selection {
            case .year(let year): years = (year - 1)...(year + 1)
            case .range(let from, let to): years = (from.year - 1)...(to.year + 1)
            }
            let calendar = try holidayCalendar(years: years, recordedAsOf: asOf.recorded)
            // Campaigns of one schedule owe the same periods: each list is sent once.
            var schedules: [Schedule] = []
            var owed: [[Period]] = []
            let lists = campaigns.map { campaign -> Int in
                if let index = schedules.firstIndex(of: campaign.schedule) { return index }
                schedules.append(campaign.schedule)
                owed.append(
                    Period.required(
                        Period.periods(campaign.schedule, selection: selection, calendar: calendar), asOf: asOf.date))
                return owed.count - 1
            }
            let periods = owed.enumerated().flatMap { list, periods in
                periods.enumerated().map { (list: list, n: $0.offset + 1, period: $0.element) }
            }
            // Weeks, months and quarters are found by truncating the activity's date, which lets
            // PostgreSQL hash-join them; holiday and fixed-day windows (a handful a year) by range.
            // The date is truncated as a timestamp: a date alone is taken for a timestamptz, whose
            // truncation goes through the session's time zone (0.15 µs a row against 0.06).
            let truncation = campaigns.map { campaign -> String? in
                switch campaign.schedule {
                case .weekly: "week"
                case .monthly, .fixedMonth: "month"
                case .quarterly: "quarter"
                case .holiday, .fixedDay: nil
                }
            }
            let streets = Array(Set(campaigns.map(\.street))).sorted()
            let scopes = try campaigns.map { campaign in
                try campaign.communities.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
            }
            let rows = try connection.query(
                """
                WITH targets AS (
                    SELECT * FROM unnest(\(campaigns.map(\.street))::integer[], \(campaigns.map(\.name))::text[],
                                         \(truncation)::text[], \(lists)::integer[], \(scopes)::jsonb[])
                           WITH ORDINALITY AS t(street, campaign, unit, list, scope, k)
                ), periods AS (
                    SELECT * FROM unnest(\(periods.map(\.list))::integer[], \(periods.map(\.n))::integer[],
                                         \(periods.map(\.period.start.description))::date[],
                                         \(periods.map(\.period.end.description))::date[]) AS p(list, n, start_on, end_on)
                ), bounds AS (
                    SELECT p.list, min(p.start_on) AS low, max(p.end_on) AS high FROM periods p GROUP BY p.list
                ), scope AS (
                    SELECT t.k, c.name, c.position FROM targets t JOIN planner.communities c ON c.street = t.street
                     WHERE \(PlannerStore.inStreets("c.street", streets))
                       AND (t.scope IS NULL OR t.scope ? c.name)
                       AND c.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                ), kept AS (
                    SELECT t.k, t.unit, t.list, a.community, a.on_date
                      FROM targets t JOIN bounds b ON b.list = t.list
                      JOIN planner.activities a
                        ON a.street = t.street AND a.campaign = t.campaign AND a.on_date BETWEEN b.low AND b.high
                     WHERE \(PlannerStore.inStreets("a.street", streets))
                       AND a.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                       AND (a.retracted_at IS NULL OR a.retracted_at > coalesce(\(asOf.recorded)::timestamptz, 'infinity'))
                ), covered AS (
                    SELECT m.k, m.community, array_agg(DISTINCT m.n) AS periods
                      FROM (SELECT a.k, a.community, p.n FROM kept a
                              JOIN periods p ON p.list = a.list AND p.start_on = date_trunc(a.unit, a.on_date::timestamp)::date
                             WHERE a.unit IS NOT NULL
                            UNION ALL
                            SELECT a.k, a.community, p.n FROM kept a
                              JOIN periods p ON p.list = a.list AND a.on_date BETWEEN p.start_on AND p.end_on
                             WHERE a.unit IS NULL) m
                     GROUP BY m.k, m.community
                )
                -- The communities owed and the periods covered come back as one list, paired
                -- here: the planner, which cannot estimate either, joined them row by row (a
                -- district's 660 communities by 630 coverings, 30 ms).
                SELECT s.k, s.position, s.name AS community, NULL AS covered FROM scope s
                UNION ALL
                SELECT c.k, NULL, c.community, array_to_string(c.periods, ',') FROM covered c
                 ORDER BY 1, 2
                """)
            // Every community owes every period of its campaign; which ones it covered comes from
            // the database, the rest is arithmetic on the periods this side already has.
            var covered: [String: Set<Int>] = [:]
            var owedBy: [(k: Int, community: String)] = []
            for row in rows.rows {
                let k = try row.decode("k", as: Int.self)
                let community = try row.decode("community", as: String.self)
                if let numbers = try row.decode("covered", as: String?.self) {
                    covered["\(k) \(community)"] = Set(numbers.split(separator: ",").compactMap { Int($0) })
                } else {
                    owedBy.append((k, community))
                }
            }
            return owedBy.map { k, community in
                let campaign = campaigns[k - 1]
                let periods = owed[lists[k - 1]]
                let numbers = covered["\(k) \(community)"] ?? []
                return ComplianceRow(
                    street: campaign.street, campaign: campaign.name, community: community, required: periods.count,
                    covered: numbers.count,
                    missing: periods.indices.filter { !numbers.contains($0 + 1) }.map { periods[$0] }, periods: periods)
            }
        }
    }
}
