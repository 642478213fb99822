import EventStore
import Foundation
import Planner
import Postgres

/// A finding and its standing as of a date.
public struct FindingRow: Sendable, Equatable {
    /// The street the finding is kept in.
    public var street: Int
    public var finding: String
    public var description: String
    public var unit: String
    public var community: String
    public var severity: Severity
    public var due: LocalDate
    /// Its status, and days past the deadline while open.
    public var standing: Finding.Standing
}

extension PlannerStore {
    /// Findings as of a date (street by street, in a roll-up), with their standing: the rule of
    /// `Finding.asOf(_:recordedAsOf:history:)`, answered in SQL for speed.
    /// With `code`, only that finding (the rectification notice's).
    public func findings(
        _ asOf: AsOf, openOnly: Bool, overdueOnly: Bool, community: String?, code: String? = nil
    ) throws -> [FindingRow] {
        try StoreError.translating {
            let streets = try currentStreets()
            let rows = try connection.query(
                """
                WITH last_step AS (
                    SELECT DISTINCT ON (s.street, s.finding) s.street, s.finding, s.step FROM planner.finding_steps s
                     WHERE \(PlannerStore.inStreets("s.street", streets))
                       AND s.on_date <= \(asOf.dateText)::date
                       AND s.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                     ORDER BY s.street, s.finding, s.on_date DESC, s.position DESC
                ), status AS (
                    SELECT f.street, f.code, f.number, coalesce(v.description, f.description) AS description, f.unit,
                           (\(PlannerStore.communityOfUnit(asOf))) AS community,
                           coalesce(v.severity, f.severity) AS severity, coalesce(v.due, f.due) AS due,
                           CASE l.step WHEN 'rectified' THEN 'rectified' WHEN 'passed' THEN 'closed' ELSE 'open' END AS status
                      FROM planner.findings f
                      JOIN planner.units u ON u.street = f.street AND u.name = f.unit AND \(PlannerStore.inStreets("u.street", streets))
                      LEFT JOIN last_step l ON l.street = f.street AND l.finding = f.code
                      -- The finding as it stood at the instant, when a correction was recorded after it.
                      LEFT JOIN LATERAL (
                          SELECT x.description, x.severity, x.due FROM planner.finding_versions x
                           WHERE x.street = f.street AND \(PlannerStore.inStreets("x.street", streets))
                             AND f.corrected_recorded_at > \(asOf.recorded)::timestamptz
                             AND x.finding = f.code AND x.recorded_at <= \(asOf.recorded)::timestamptz
                           ORDER BY x.position DESC LIMIT 1) v ON true
                     WHERE \(PlannerStore.inStreets("f.street", streets))
                       AND f.inspected_on <= \(asOf.dateText)::date
                       AND f.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                       AND (\(community)::text IS NULL OR (\(PlannerStore.communityOfUnit(asOf))) = \(community)::text)
                       AND (\(code)::text IS NULL OR f.code = \(code)::text)
                )
                SELECT street, code, description, unit, community, severity, status, due::text AS due,
                       CASE WHEN status = 'open' AND \(asOf.dateText)::date > due
                            THEN \(asOf.dateText)::date - due END AS days_overdue
                  FROM status
                 WHERE (NOT \(openOnly)::boolean OR status = 'open')
                   AND (NOT \(overdueOnly)::boolean OR (status = 'open' AND \(asOf.dateText)::date > due))
                 ORDER BY street, number
                """, prepared: true)
            return try rows.rows.map { row in
                FindingRow(
                    street: try row.decode("street"), finding: try row.decode("code"),
                    description: try row.decode("description"),
                    unit: try row.decode("unit"), community: try row.decode("community"),
                    severity: try row.choice("severity", Severity.self), due: try row.date("due"),
                    standing: Finding.Standing(
                        status: try row.choice("status", Finding.Status.self),
                        daysOverdue: try row.decode("days_overdue", as: Int?.self)))
            }
        }
    }
}

extension PlannerStore {
    /// Findings found in `from…to`, counted by severity and status per community, with status
    /// as of the period's end (or the as-of date, if earlier): the rule of
    /// `FindingStatistics.of(from:to:asOf:recordedAsOf:communities:findings:)`, answered in SQL.
    public func findingStatistics(_ asOf: AsOf, from: LocalDate, to: LocalDate, community: String?) throws
        -> [FindingStatistics]
    {
        try StoreError.translating {
            let street = try currentStreet()
            let end = min(to, asOf.date).description
            let rows = try connection.query(
                """
                WITH status AS (
                    SELECT (\(PlannerStore.communityOfUnit(asOf))) AS community,
                           coalesce(v.severity, f.severity) AS severity, coalesce(v.due, f.due) AS due,
                           CASE WHEN f.written_off_recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                                THEN f.written_off_on END AS written_off_on,
                           CASE (SELECT s.step FROM planner.finding_steps s
                                  WHERE s.street = \(street) AND s.finding = f.code AND s.on_date <= \(end)::date
                                    AND s.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                                  ORDER BY s.on_date DESC, s.position DESC LIMIT 1)
                                WHEN 'rectified' THEN 'rectified' WHEN 'passed' THEN 'closed' ELSE 'open' END AS status
                      FROM planner.findings f JOIN planner.units u ON u.street = \(street) AND u.name = f.unit
                      LEFT JOIN LATERAL (
                          SELECT x.severity, x.due FROM planner.finding_versions x
                           WHERE x.street = f.street AND f.corrected_recorded_at > \(asOf.recorded)::timestamptz
                             AND x.finding = f.code AND x.recorded_at <= \(asOf.recorded)::timestamptz
                           ORDER BY x.position DESC LIMIT 1) v ON true
                     WHERE f.street = \(street)
                       AND f.inspected_on BETWEEN \(from.description)::date AND \(end)::date
                       AND f.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                )
                SELECT c.name AS community,
                       count(s.*) FILTER (WHERE s.severity = 'general') AS general_found,
                       count(s.*) FILTER (WHERE s.severity = 'general' AND s.status = 'closed') AS general_closed,
                       count(s.*) FILTER (WHERE s.severity = 'major') AS major_found,
                       count(s.*) FILTER (WHERE s.severity = 'major' AND s.status = 'closed') AS major_closed,
                       count(s.*) FILTER (WHERE s.severity = 'major' AND s.written_off_on <= \(end)::date) AS major_written_off,
                       count(s.*) FILTER (WHERE s.status = 'open') AS open,
                       count(s.*) FILTER (WHERE s.status = 'open' AND s.due < \(end)::date) AS overdue
                  FROM planner.communities c LEFT JOIN status s ON s.community = c.name
                 WHERE c.street = \(street)
                   AND (\(community)::text IS NULL OR c.name = \(community)::text)
                   AND c.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                 GROUP BY c.name, c.position
                 ORDER BY c.position
                """)
            return try rows.rows.map { row in
                FindingStatistics(
                    community: try row.decode("community"), generalFound: try row.decode("general_found"),
                    generalClosed: try row.decode("general_closed"), majorFound: try row.decode("major_found"),
                    majorClosed: try row.decode("major_closed"), majorWrittenOff: try row.decode("major_written_off"),
                    open: try row.decode("open"), overdue: try row.decode("overdue"))
            }
        }
    }
}
