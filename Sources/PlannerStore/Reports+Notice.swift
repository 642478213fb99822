import EventStore
import Foundation
import Planner
import Postgres

/// What a rectification notice (整改通知书) states about one finding: what was found, where,
/// by whom, and the deadline fixed when it was recorded.
public struct FindingNoticeRow: Sendable, Equatable {
    public var finding: String
    public var unit: String
    public var community: String
    public var description: String
    public var severity: Severity
    public var inspectedOn: LocalDate
    /// The inspection it came from (`I-n`) and its inspector, or the drill (`D-n`).
    public var inspection: String?
    public var inspector: String?
    public var drill: String?
    public var due: LocalDate
    /// The deadline as it was given (`2017-05-31` or `15d`).
    public var deadline: String
    public var responsible: String?
    /// Its status as of the notice's date.
    public var standing: Finding.Standing
}

extension PlannerStore {
    /// One finding for its rectification notice, as the log stood at the viewpoint; nil when
    /// there is no such finding (or it was recorded later).
    public func findingNotice(_ code: String, asOf: AsOf) throws -> FindingNoticeRow? {
        try StoreError.translating {
            let street = try currentStreet()
            guard
                let standing = try findings(asOf, openOnly: false, overdueOnly: false, community: nil, code: code)
                    .first?.standing
            else { return nil }
            let rows = try connection.query(
                """
                SELECT f.code, f.unit, u.community, f.description, f.severity, f.inspected_on::text AS inspected_on,
                       f.inspection, i.inspector, f.drill, f.due::text AS due, f.deadline, f.responsible
                  FROM planner.findings f
                  JOIN planner.units u ON u.street = \(street) AND u.name = f.unit
                  LEFT JOIN planner.inspections i ON i.street = \(street) AND i.code = f.inspection
                 WHERE f.street = \(street) AND f.code = \(code)
                """)
            return try rows.rows.first.map { row in
                FindingNoticeRow(
                    finding: try row.decode("code"), unit: try row.decode("unit"),
                    community: try row.decode("community"),
                    description: try row.decode("description"), severity: try row.choice("severity", Severity.self),
                    inspectedOn: try row.date("inspected_on"),
                    inspection: try row.decode("inspection", as: String?.self),
                    inspector: try row.decode("inspector", as: String?.self),
                    drill: try row.decode("drill", as: String?.self),
                    due: try row.date("due"), deadline: try row.decode("deadline"),
                    responsible: try row.decode("responsible", as: String?.self), standing: standing)
            }
        }
    }
}
