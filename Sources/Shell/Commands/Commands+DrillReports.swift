import Planner
import PlannerStore

extension CommandSpec {
    static let drillReports: [CommandSpec] = [
        CommandSpec(
            path: ["drills", "overdue"], aliases: [["演练", "逾期"]], group: .reports, syntax: "[--community C]",
            summary: L("Plans whose next drill is past due, as of today", "截至今天演练已逾期的预案"),
            details: L(
                "Due = the last drill held on or before today (or the plan's start) plus the plan's cadence.",
                "应演练日期 = 今天及以前最后一次演练日期（无则为预案生效日期）加上演练周期。"),
            example: "drills overdue --community 江岸社区", flags: [FlagSpec("community", "C")]
        ) { args in
            let community = args.string("community")
            return { session in
                let rows = try session.store.drillObligations(session.asOf, community: community)
                    .filter(\.obligation.isOverdue)
                return obligationTable(rows, daysKey: "days_overdue", daysHeader: L("days overdue", "逾期天数"))
            }
        },
        CommandSpec(
            path: ["drills", "due"], group: .reports, syntax: "[--within DURATION] [--community C]",
            summary: L("Plans whose next drill falls due soon (default within 30 days)", "即将到期的演练（默认 30 天内）"),
            example: "drills due --within 2w", flags: [FlagSpec("within", "DURATION"), FlagSpec("community", "C")]
        ) { args throws(ShellError) in
            let within = try args.interval("within") ?? Interval(30, .days)
            let community = args.string("community")
            return { session in
                let today = session.today
                let calendar = try session.store.holidayCalendar(years: (today.year - 1)...(today.year + 2))
                let limit = within.after(today, calendar: calendar)
                let rows = try session.store.drillObligations(session.asOf, community: community)
                    .filter { $0.obligation.isDue(by: limit) }
                    .sorted { ($0.obligation.due, $0.plan) < ($1.obligation.due, $1.plan) }
                return obligationTable(rows, daysKey: "days_left", daysHeader: L("days left", "剩余天数"), negate: true)
            }
        },
        CommandSpec(
            path: ["drills", "missed"], group: .reports, syntax: "[--community C]",
            summary: L("Scheduled drills whose date has passed, neither recorded nor cancelled", "已过期但未登记也未取消的演练安排"),
            example: "drills missed", flags: [FlagSpec("community", "C")]
        ) { args in
            let community = args.string("community")
            return { session in drillTable(try session.store.missedDrills(session.asOf, community: community)) }
        },
        CommandSpec(
            path: ["drills", "list"], aliases: [["演练", "列表"]], group: .reports,
            syntax: "[--plan P-n] [--from DATE] [--to DATE] [--community C]",
            summary: L("List drills, scheduled and held", "列出演练（安排与举行）"),
            example: "drills list --plan P-1 --from 2017-01-01 --to 2017-06-30",
            flags: [
                FlagSpec("plan", "P-n"), FlagSpec("from", "DATE"), FlagSpec("to", "DATE"), FlagSpec("community", "C"),
            ]
        ) { args throws(ShellError) in
            let plan = try args.string("plan").map { word throws(ShellError) in
                try Code.check(word, kind: "P", what: L("plan", "预案"))
            }
            let from = try args.date("from")
            let to = try args.date("to")
            let community = args.string("community")
            return { session in
                drillTable(
                    try session.store.drillList(session.asOf, plan: plan, from: from, to: to, community: community))
            }
        },
    ]

    private static func obligationTable(
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

    private static func drillTable(_ rows: [DrillRow]) -> Output {
        .table(
            [
                Column("drill", L("drill", "演练")), Column("plan", L("plan", "预案")), Column("unit", L("unit", "单位")),
                Column("scheduled_on", L("scheduled", "安排日期")), Column("status", L("status", "状态")),
                Column("conducted_on", L("held on", "举行日期")), Column("participants", L("participants", "参加人数")),
                Column("rating", L("rating", "评估")),
            ],
            rows.map { row in
                [
                    .text(row.drill), .text(row.plan), .text(row.unit), .date(row.scheduledOn), .code(row.status),
                    .date(row.conductedOn), .optional(row.participants), row.rating.map(Value.code) ?? .null,
                ]
            })
    }
}
