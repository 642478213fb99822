import Planner
import PlannerStore

/// The tables the drill reports share.
enum DrillTables {
    /// Plans with their obligation, and the days overdue (or, negated, until due).
    static func obligations(
        _ rows: [DrillObligationRow], daysKey: String, daysHeader: L, negate: Bool = false,
        street: [Field<DrillObligationRow>] = []
    ) -> Output {
        .table(
            rows,
            street + [
                Field("plan", L("plan", "预案")) { .text($0.plan) },
                Field("plan_name", L("plan name", "预案名称")) { .text($0.planName) },
                Field("unit", L("unit", "单位")) { .text($0.unit) },
                Field("community", L("community", "社区")) { .text($0.community) },
                Field("last_drill", L("last drill", "上次演练")) { .date($0.obligation.lastDrill) },
                Field("due", L("due", "应演练日期")) { .date($0.obligation.due) },
                Field(daysKey, daysHeader) { .int(negate ? -$0.obligation.daysOverdue : $0.obligation.daysOverdue) },
            ])
    }

    /// Drills with their dates, status and evaluation.
    static func drills(_ rows: [DrillRow]) -> Output {
        .table(
            rows,
            [
                Field("drill", L("drill", "演练")) { .text($0.drill) },
                Field("plan", L("plan", "预案")) { .text($0.plan) },
                Field("unit", L("unit", "单位")) { .text($0.unit) },
                Field("scheduled_on", L("scheduled", "安排日期")) { .date($0.scheduledOn) },
                Field("status", L("status", "状态")) { .word($0.status) },
                Field("conducted_on", L("held on", "举行日期")) { .date($0.conductedOn) },
                Field("participants", L("participants", "参加人数")) { .optional($0.participants) },
                Field("rating", L("rating", "评估")) { $0.rating.map(Value.word) ?? .null },
            ])
    }
}
