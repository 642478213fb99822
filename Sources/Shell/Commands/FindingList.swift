import Planner
import PlannerStore

/// `findings`: findings and their status as of today
struct FindingList: Command {
    static let spec = CommandSpec(
        path: ["findings"], aliases: [["隐患"]], group: .reports, syntax: "[--open] [--overdue] [--community C]",
        summary: L("Findings and their status as of today", "截至今天的隐患及其状态"),
        example: "findings --overdue --community 江岸社区",
        flags: [FlagSpec("open"), FlagSpec("overdue"), FlagSpec("community", "C")]
    )

    let open: Bool
    let overdue: Bool
    let community: String?

    init(_ args: Arguments) throws(ShellError) {
        open = args.has("open")
        overdue = args.has("overdue")
        community = args.string("community")
    }

    func run(in session: Session) throws -> Output {
        let rows = try session.store.findings(
            session.asOf, openOnly: open, overdueOnly: overdue, community: community)
        return .table(
            [
                Column("finding", L("finding", "隐患")), Column("unit", L("unit", "单位")),
                Column("community", L("community", "社区")), Column("severity", L("severity", "等级")),
                Column("status", L("status", "状态")), Column("due", L("due", "整改期限")),
                Column("days_overdue", L("days overdue", "逾期天数")),
            ],
            rows.map { row in
                [
                    .text(row.finding), .text(row.unit), .text(row.community), .word(row.severity),
                    .word(row.standing.status), .date(row.due), .optional(row.standing.daysOverdue),
                ]
            })
    }
}
