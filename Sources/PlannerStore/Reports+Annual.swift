import EventStore
import Foundation
import Planner
import Postgres

extension PlannerStore {
    /// Every plan with its start, cadence, retirement, its unit's closure and its drills held,
    /// each fact with the instant it was recorded (the report picks what is known when).
    public func planHistories() throws -> [AnnualFigures.Plan] {
        try StoreError.translating {
            let street = try currentStreet()
            // Each drill's date as recorded, then as each correction left it.
            var held: [String: [Revisions<LocalDate>]] = [:]
            var drill = ""
            for row in try connection.query(
                """
                SELECT d.plan, h.drill, h.conducted_on::text AS conducted_on, h.recorded_at
                  FROM planner.drill_holdings h JOIN planner.drills d ON d.street = \(street) AND d.code = h.drill
                 WHERE h.street = \(street)
                 ORDER BY d.plan, d.number, h.position
                """
            ).rows {
                let plan: String = try row.decode("plan")
                let version = Recorded(try row.date("conducted_on"), recordedAt: try row.decode("recorded_at"))
                let code: String = try row.decode("drill")
                if code == drill, let last = held[plan]?.indices.last {
                    held[plan]?[last].versions.append(version)
                } else {
                    held[plan, default: []].append(Revisions(version))
                }
                drill = code
            }
            let rows = try connection.query(
                """
                SELECT p.code, p.level, u.community, p.recorded_at, p.start_on::text AS start_on, p.every_months,
                       p.retired_on::text AS retired_on, p.retired_recorded_at,
                       u.closed_on::text AS closed_on, u.closed_recorded_at
                  FROM planner.plans p JOIN planner.units u ON u.street = \(street) AND u.name = p.unit
                 WHERE p.street = \(street)
                 ORDER BY p.number
                """)
            return try rows.rows.map { row in
                func recorded(_ date: String, _ instant: String) throws -> Recorded<LocalDate>? {
                    guard let on = try row.optionalDate(date) else { return nil }
                    return Recorded(on, recordedAt: try row.decode(instant))
                }
                let plan: String = try row.decode("code")
                return AnnualFigures.Plan(
                    code: plan, try row.choice("level", PlanLevel.self), community: try row.decode("community"),
                    history: DrillObligation.History(
                        added: try row.decode("recorded_at"), start: try row.date("start_on"),
                        everyMonths: try row.decode("every_months"),
                        retired: try recorded("retired_on", "retired_recorded_at"),
                        unitClosed: try recorded("closed_on", "closed_recorded_at"), drills: held[plan] ?? []))
            }
        }
    }
}

extension PlannerStore {
    /// Every finding with its deadline, dated steps and write-off, each with the instant it was
    /// recorded.
    public func findingHistories() throws -> [AnnualFigures.Hazard] {
        try StoreError.translating {
            let street = try currentStreet()
            var steps: [String: [Recorded<Finding.DatedStep>]] = [:]
            for row in try connection.query(
                """
                SELECT finding, step, on_date::text AS on_date, recorded_at FROM planner.finding_steps
                 WHERE street = \(street)
                 ORDER BY position
                """
            ).rows {
                steps[try row.decode("finding"), default: []].append(
                    Recorded(
                        Finding.DatedStep(try row.choice("step", Finding.Step.self), on: try row.date("on_date")),
                        recordedAt: try row.decode("recorded_at")))
            }
            // The versions after the first: each correction's deadline and severity.
            var corrections: [String: [Recorded<Finding.Correction>]] = [:]
            for row in try connection.query(
                """
                SELECT v.finding, v.due::text AS due, v.severity, v.recorded_at FROM planner.finding_versions v
                 WHERE v.street = \(street)
                   AND v.position > (SELECT min(x.position) FROM planner.finding_versions x
                                      WHERE x.street = \(street) AND x.finding = v.finding)
                 ORDER BY v.position
                """
            ).rows {
                corrections[try row.decode("finding"), default: []].append(
                    Recorded(
                        Finding.Correction(
                            due: try row.date("due"), severity: try row.choice("severity", Severity.self)),
                        recordedAt: try row.decode("recorded_at")))
            }
            let rows = try connection.query(
                """
                SELECT f.code, f.unit, u.community, f.recorded_at, f.inspected_on::text AS inspected_on,
                       (SELECT v.due FROM planner.finding_versions v WHERE v.street = \(street) AND v.finding = f.code
                         ORDER BY v.position LIMIT 1)::text AS due,
                       f.written_off_on::text AS written_off_on, f.written_off_recorded_at
                  FROM planner.findings f JOIN planner.units u ON u.street = \(street) AND u.name = f.unit
                 WHERE f.street = \(street)
                 ORDER BY f.number
                """)
            return try rows.rows.map { row in
                let code: String = try row.decode("code")
                let writtenOff = try row.optionalDate("written_off_on").map { on in
                    Recorded(on, recordedAt: try row.decode("written_off_recorded_at"))
                }
                return AnnualFigures.Hazard(
                    code: code, try row.decode("unit"), community: try row.decode("community"),
                    history: Finding.History(
                        added: try row.decode("recorded_at"), foundOn: try row.date("inspected_on"),
                        due: try row.date("due"), steps: steps[code] ?? [], writtenOff: writtenOff,
                        corrections: corrections[code] ?? []))
            }
        }
    }

    /// How many inspections were held in the year up to the as-of date, as the log stood then.
    public func inspectionCount(year: Int, asOf: AsOf) throws -> Int {
        try StoreError.translating {
            let street = try currentStreet()
            return try connection.query(
                """
                SELECT count(*) AS n FROM planner.inspections
                 WHERE street = \(street)
                   AND on_date BETWEEN make_date(\(year)::integer, 1, 1) AND least(make_date(\(year)::integer, 12, 31),
                                                                                 \(asOf.dateText)::date)
                   AND recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                """
            ).first?.decode("n", as: Int.self) ?? 0
        }
    }
}
