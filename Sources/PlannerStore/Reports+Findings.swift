import Foundation
import Planner
import Postgres

/// A finding's status as of a date.
public struct FindingRow: Sendable, Equatable {
    public var finding: String
    public var description: String
    public var unit: String
    public var community: String
    public var severity: Severity
    public var status: Finding.Status
    public var due: LocalDate
    /// Days past the deadline while open, nil otherwise.
    public var daysOverdue: Int?
}

extension PlannerStore {
    /// Findings as of a date (DESIGN.md): only events dated on or before it count; open when no
    /// rectification is reported yet or the last re-inspection failed; overdue when open and the
    /// as-of date is after the deadline.
    public func findings(_ asOf: AsOf, openOnly: Bool, overdueOnly: Bool, community: String?) throws -> [FindingRow] {
        let rows = try connection.query(
            """
            WITH status AS (
                SELECT f.code, f.number, f.description, f.unit, u.community, f.severity, f.due,
                       CASE (SELECT s.step FROM planner.finding_steps s
                              WHERE s.finding = f.code AND s.on_date <= \(asOf.dateText)::date
                                AND s.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                              ORDER BY s.on_date DESC, s.position DESC LIMIT 1)
                            WHEN 'rectified' THEN 'rectified' WHEN 'passed' THEN 'closed' ELSE 'open' END AS status
                  FROM planner.findings f JOIN planner.units u ON u.name = f.unit
                 WHERE f.inspected_on <= \(asOf.dateText)::date
                   AND f.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                   AND (\(community)::text IS NULL OR u.community = \(community)::text)
            )
            SELECT code, description, unit, community, severity, status, due::text AS due,
                   CASE WHEN status = 'open' AND \(asOf.dateText)::date > due
                        THEN \(asOf.dateText)::date - due END AS days_overdue
              FROM status
             WHERE (NOT \(openOnly)::boolean OR status = 'open')
               AND (NOT \(overdueOnly)::boolean OR (status = 'open' AND \(asOf.dateText)::date > due))
             ORDER BY number
            """)
        return try rows.rows.map { row in
            FindingRow(
                finding: try row.decode("code"), description: try row.decode("description"),
                unit: try row.decode("unit"), community: try row.decode("community"),
                severity: Severity(rawValue: try row.decode("severity")) ?? .general,
                status: Finding.Status(rawValue: try row.decode("status")) ?? .open,
                due: try row.date("due"), daysOverdue: try row.decode("days_overdue", as: Int?.self))
        }
    }
}
