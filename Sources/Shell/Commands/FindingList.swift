import Planner
import PlannerStore

/// `findings`: findings and their status as of today
struct FindingList: Command, DistrictRollUp {
    static let configuration = CommandSpec(
        path: ["findings"], aliases: [["隐患"]], group: .reports,
        syntax: "[--open] [--overdue] [--community C] [--district D]",
        summary: L("Findings and their status as of today", "截至今天的隐患及其状态"),
        example: "findings --overdue --community 江岸社区"
    )

    @Switch("open") var open: Bool
    @Switch("overdue") var overdue: Bool
    @Flag("community", "C") var community: String?
    /// Every street of a district, with a street column.
    @Flag("district", "D") var district: String?

    static var rollUp: RollUp { .oneQuery }

    func run(in session: Session) throws -> Output {
        .table(
            try session.store.findings(session.asOf, openOnly: open, overdueOnly: overdue, community: community),
            session.streetColumn(\.street) + [
                Field("finding", L("finding", "隐患")) { .text($0.finding) },
                Field("unit", L("unit", "单位")) { .text($0.unit) },
                Field("community", L("community", "社区")) { .text($0.community) },
                Field("severity", L("severity", "等级")) { .word($0.severity) },
                Field("status", L("status", "状态")) { .word($0.standing.status) },
                Field("due", L("due", "整改期限")) { .date($0.due) },
                Field("days_overdue", L("days overdue", "逾期天数")) { .optional($0.standing.daysOverdue) },
            ])
    }
}
