import Planner
import PlannerStore

/// The tables the drill reports share.
enum DrillTables {
    /// Plans with their obligation, and the days overdue (or, negated, until due).
    static func obligations(
        _ rows: [DrillObligationRow], daysKey: String, daysHeader: L, negate: Bool = false
    ) -> Output {
        .table(
            [
                Column("plan", L("plan", "预案")), Column("plan_name", L("plan name", "预案名称")),
                Column("unit", L("unit", "单位")), Column("community", L("community", "社区")),
                Column("last_drill", L("last drill", "上次演练")), Column("due", L("due", "应演练日期")),
                Column(daysKey, daysHeader),
            ],
            rows.map { row in
                [
                    .text(row.plan), .text(row.planName), .text(row.unit), .text(row.community),
                    .date(row.obligation.lastDrill), .date(row.obligation.due),
                    .int(negate ? -row.obligation.daysOverdue : row.obligation.daysOverdue),
                ]
            })
    }

    /// Drills with their dates, status and evaluation.
    static func drills(_ rows: [DrillRow]) -> Output {
        .table(
            [
                Column("drill", L("drill", "演练")), Column("plan", L("plan", "预案")), Column("unit", L("unit", "单位")),
                Column("scheduled_on", L("scheduled", "安排日期")), Column("status", L("status", "状态")),
                Column("conducted_on", L("held on", "举行日期")), Column("participants", L("participants", "参加人数")),
                Column("rating", L("rating", "评估")),
            ],
            rows.map { row in
                [
                    .text(row.drill), .text(row.plan), .text(row.unit), .date(row.scheduledOn), .word(row.status),
                    .date(row.conductedOn), .optional(row.participants), row.rating.map(Value.word) ?? .null,
                ]
            })
    }
}
