import EventStore
import Foundation
import Planner
import Postgres

extension PlannerStore {
    /// Every plan with its start, cadence, retirement, its unit's closure and its drills held,
    /// each fact with the instant it was recorded (the report picks what is known when).
    public func planHistories() throws -> [AnnualFigures.Plan] {
        try StoreError.translating {
            var held: [String: [Recorded<LocalDate>]] = [:]
            for row in try connection.query(
                """
                SELECT plan, conducted_on::text AS conducted_on, conducted_recorded_at FROM planner.drills
                 WHERE conducted_on IS NOT NULL ORDER BY plan, conducted_on
                """
            ).rows {
                held[try row.decode("plan"), default: []].append(
                    Recorded(try row.date("conducted_on"), recordedAt: try row.decode("conducted_recorded_at")))
            }
            let rows = try connection.query(
                """
                SELECT p.code, p.level, u.community, p.recorded_at, p.start_on::text AS start_on, p.every_months,
                       p.retired_on::text AS retired_on, p.retired_recorded_at,
                       u.closed_on::text AS closed_on, u.closed_recorded_at
                  FROM planner.plans p JOIN planner.units u ON u.name = p.unit
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
            var steps: [String: [Recorded<Finding.DatedStep>]] = [:]
            for row in try connection.query(
                "SELECT finding, step, on_date::text AS on_date, recorded_at FROM planner.finding_steps ORDER BY position"
            ).rows {
                steps[try row.decode("finding"), default: []].append(
                    Recorded(
                        Finding.DatedStep(try row.choice("step", Finding.Step.self), on: try row.date("on_date")),
                        recordedAt: try row.decode("recorded_at")))
            }
            let rows = try connection.query(
                """
                SELECT f.code, f.unit, u.community, f.recorded_at, f.inspected_on::text AS inspected_on, f.due::text AS due,
                       f.written_off_on::text AS written_off_on, f.written_off_recorded_at
                  FROM planner.findings f JOIN planner.units u ON u.name = f.unit
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
                        due: try row.date("due"), steps: steps[code] ?? [], writtenOff: writtenOff))
            }
        }
    }

    /// How many inspections were held in the year up to the as-of date, as the log stood then.
    public func inspectionCount(year: Int, asOf: AsOf) throws -> Int {
        try StoreError.translating {
            try connection.query(
                """
                SELECT count(*) AS n FROM planner.inspections
                 WHERE on_date BETWEEN make_date(\(year)::integer, 1, 1) AND least(make_date(\(year)::integer, 12, 31),
                                                                                 \(asOf.dateText)::date)
                   AND recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                """
            ).first?.decode("n", as: Int.self) ?? 0
        }
    }
}
