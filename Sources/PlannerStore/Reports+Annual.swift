import Foundation
import Planner
import Postgres

/// A plan with what its drill obligations read: the rule of `DrillObligation`, fed from the
/// projection instead of from the log's streams.
public struct PlanHistoryRow: Sendable, Equatable {
    public var plan: String
    public var level: PlanLevel
    public var community: String
    public var history: DrillObligation.History
}

extension PlannerStore {
    /// Every plan with its start, cadence, retirement, its unit's closure and its drills held,
    /// each fact with the instant it was recorded (the report picks what is known when).
    public func planHistories() throws -> [PlanHistoryRow] {
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
            return PlanHistoryRow(
                plan: plan, level: try row.choice("level", PlanLevel.self), community: try row.decode("community"),
                history: DrillObligation.History(
                    added: try row.decode("recorded_at"), start: try row.date("start_on"),
                    everyMonths: try row.decode("every_months"),
                    retired: try recorded("retired_on", "retired_recorded_at"),
                    unitClosed: try recorded("closed_on", "closed_recorded_at"), drills: held[plan] ?? []))
        }
    }
}
