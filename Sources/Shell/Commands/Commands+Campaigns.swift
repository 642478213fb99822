import Foundation
import Planner
import PlannerStore

extension CommandSpec {
    static let campaigns: [CommandSpec] = [
        CommandSpec(
            path: ["campaign", "define"], aliases: [["宣传", "定义"]], group: .campaigns,
            syntax:
                "NAME --cadence weekly|monthly|quarterly|holiday|fixed-day|fixed-month [--on MM-DD] [--month M] [--window DURATION] [--communities C1,C2,...]",
            summary: L("Define a publicity programme and who owes it", "定义宣传活动及其责任社区"),
            details: L(
                """
                --cadence weekly, monthly, quarterly: once in each ISO week, calendar month or quarter.
                --cadence holiday: once around each statutory holiday block; --window is how long before the block activities count (default 7d).
                --cadence fixed-day --on MM-DD: once a year around a fixed day, e.g. 119 全国消防日 --on 11-09 (counted 2-9 November), 全国防灾减灾日 --on 05-12; a weekday rule such as --on 03-last-mon (全国中小学生安全教育日, the last Monday of March) also works (1st 2nd 3rd 4th last, mon ... sun). An activity counts when it falls in the window before the day, the day included (default --window 7d); period label: the year and the day, e.g. 2019 11-09.
                --cadence fixed-month --month M: once in one month of each year, e.g. 安全生产月 --month 6; period label 2019-06.
                Without --communities every community owes it. The fixed days and their sources: rules.
                """,
                """
                --cadence weekly、monthly、quarterly：每个 ISO 周、自然月或季度一次。
                --cadence holiday：每个法定假期前后一次；--window 为假期前多少天开始计入（默认 7d）。
                --cadence fixed-day --on MM-DD：每年围绕固定日期一次，如 119 全国消防日 --on 11-09（计 11 月 2 日至 9 日）、全国防灾减灾日 --on 05-12；也可按星期规则，如 --on 03-last-mon（全国中小学生安全教育日，三月最后一个星期一；1st 2nd 3rd 4th last，mon … sun）。活动落在该日之前的窗口内（含当日）即计入（默认 --window 7d）；周期标签为年份与日期，如 2019 11-09。
                --cadence fixed-month --month M：每年固定月份一次，如 安全生产月 --month 6；周期标签如 2019-06。
                不给 --communities 时，所有社区都须完成。固定宣传日及其依据见 rules。
                """),
            example: "campaign define 119消防宣传 --cadence fixed-day --on 11-09 --window 7d",
            positionals: ["NAME"],
            flags: [
                FlagSpec("cadence", "CADENCE", required: true), FlagSpec("on", "MM-DD"), FlagSpec("month", "M"),
                FlagSpec("window", "DURATION"), FlagSpec("communities", "C1,C2"),
            ],
            roles: [.supervisor]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let cadence = try args.choice("cadence", Cadence.self) ?? .weekly
            let day = try Campaigns.fixedDay(args)
            let month = try Campaigns.month(args)
            let window = try args.interval("window")
            let communities = args.string("communities").map {
                $0.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map {
                    String($0).trimmingCharacters(in: [" "])
                }.filter { !$0.isEmpty }
            }
            return { session in
                try session.write { _ in
                    var unknown: [String] = []
                    for community in communities ?? [] {
                        if !(try session.load(Community.self, PlannerStore.Stream.community(community))).exists {
                            unknown.append(community)
                        }
                    }
                    try session.apply(Campaign.self, stream: PlannerStore.Stream.campaign(name)) {
                        try Campaign.define(
                            name: name, cadence: cadence, day: day, month: month, window: window,
                            communities: communities, unknown: unknown, state: $0)
                    }
                }
                return .created(name, L("defined campaign \(name)", "已定义宣传活动 \(name)"))
            }
        },
        CommandSpec(
            path: ["campaign", "log"], aliases: [["宣传", "登记"]], group: .campaigns,
            syntax: "NAME --community C --on DATE [--activity TEXT] [--leaflets N] [--attendees N]",
            summary: L("Log a publicity activity held by a community", "登记社区开展的宣传活动"),
            example: "campaign log 消防周宣传 --community 江岸社区 --on 2017-01-14 --activity 宣传点 --leaflets 122 --attendees 9",
            positionals: ["NAME"],
            flags: [
                FlagSpec("community", "C", required: true), FlagSpec("on", "DATE", required: true),
                FlagSpec("activity", "TEXT"), FlagSpec("leaflets", "N"), FlagSpec("attendees", "N"),
            ],
            roles: [.supervisor, .inspector]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let community = args.string("community") ?? ""
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let activity = args.string("activity")
            let leaflets = try args.count("leaflets")
            let attendees = try args.count("attendees")
            return { session in
                let code = try session.write { store in
                    let campaign = try session.load(Campaign.self, PlannerStore.Stream.campaign(name))
                    let place = try session.load(Community.self, PlannerStore.Stream.community(community))
                    let code = try store.nextCode("A")
                    let command = Activity.LogCommand(
                        code: code, campaign: name, community: community, on: date, activity: activity,
                        leaflets: leaflets, attendees: attendees)
                    try session.apply(Activity.self, stream: PlannerStore.Stream.activity(code)) { _ in
                        try Activity.log(command, campaign: campaign, community: place, today: session.today)
                    }
                    return code
                }
                return .created(code, L("logged \(code) for \(community)", "已登记 \(community) 的活动 \(code)"))
            }
        },
        CommandSpec(
            path: ["campaign", "retract"], group: .campaigns, syntax: "A-n --reason TEXT",
            summary: L(
                "Retract a logged activity with a reason (it is kept, never deleted)", "撤回一条活动记录并说明原因（记录保留，不会删除）"),
            example: "campaign retract A-8 --reason 录入重复", positionals: ["A-n"],
            flags: [FlagSpec("reason", "TEXT", required: true)], roles: [.supervisor, .inspector]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "A", what: L("activity", "活动"))
            let reason = args.string("reason") ?? ""
            return { session in
                try session.write { _ in
                    try session.apply(
                        Activity.self, stream: PlannerStore.Stream.activity(code),
                        mustExist: (L("activity", "活动"), code)
                    ) {
                        try Activity.retract(reason: reason, state: $0)
                    }
                }
                return .created(code, L("retracted \(code)", "已撤回 \(code)"))
            }
        },
        CommandSpec(
            path: ["campaign", "list"], aliases: [["宣传", "列表"]], group: .campaigns, syntax: "",
            summary: L("List the campaigns", "列出宣传活动"), example: "campaign list"
        ) { _ in
            { session in
                .table(
                    [
                        Column("campaign", L("campaign", "宣传活动")), Column("cadence", L("cadence", "频次")),
                        Column("on", L("day or month", "日期或月份")),
                        Column("window_days", L("window (days)", "窗口（天）")),
                        Column("communities", L("communities", "责任社区")),
                    ],
                    try session.store.campaigns().map { row in
                        [
                            .text(row.name), .text(row.schedule.cadence.rawValue),
                            row.schedule.anchor.map(Value.text) ?? .null,
                            row.schedule.windowDays.map(Value.int) ?? .null,
                            row.communities.map { .list($0.map(Value.text)) } ?? .text(session.text(L("all", "全部"))),
                        ]
                    })
            }
        },
        CommandSpec(
            path: ["compliance", "summary"], aliases: [["合规", "汇总"]], group: .reports, syntax: "[--year Y]",
            summary: L("Every campaign × community with its rate, as of today", "截至今天每项宣传活动、每个社区的完成率"),
            example: "compliance summary --year 2017", flags: [FlagSpec("year", "Y")]
        ) { args throws(ShellError) in
            let year = try Compliance.year(args)
            return { session in
                let selection = PeriodSelection.year(year ?? session.today.year)
                var rows: [ComplianceRow] = []
                for campaign in try session.store.campaigns() {
                    rows += try session.store.compliance(campaign, selection: selection, asOf: session.asOf)
                }
                return .table(
                    [Column("campaign", L("campaign", "宣传活动"))] + Compliance.columns(detail: false),
                    rows.map { [.text($0.campaign)] + Compliance.values($0, detail: false) })
            }
        },
        CommandSpec(
            path: ["compliance"], aliases: [["合规"]], group: .reports,
            syntax: "NAME [--year Y | --from DATE --to DATE] [--detail]",
            summary: L("How well each community kept a campaign, as of today", "截至今天各社区对某项宣传活动的完成情况"),
            details: L(
                "A period counts when it has ended by today (a fixed day: once the day has come). --year selects the year's periods (ISO weeks, the notice year for holidays, the year of a fixed day); --from/--to the periods wholly inside the range (holidays whose block starts in it, fixed days that lie in it). --detail lists the missing periods.",
                "只计入截至今天已结束的周期（固定日：该日已到）。--year 选择该年的周期（周按 ISO 周年，节日按通知年份，固定日按其所在年份）；--from/--to 选择完全落在区间内的周期（节日看假期首日，固定日看该日是否在区间内）。--detail 列出缺失的周期。"
            ),
            example: "compliance 消防周宣传 --year 2017 --detail", positionals: ["NAME"],
            flags: [FlagSpec("year", "Y"), FlagSpec("from", "DATE"), FlagSpec("to", "DATE"), FlagSpec("detail")]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let year = try Compliance.year(args)
            let from = try args.date("from")
            let to = try args.date("to")
            let detail = args.has("detail")
            if year != nil && (from != nil || to != nil) {
                throw ShellError(L("give either --year or --from/--to, not both", "--year 与 --from/--to 只能二选一"))
            }
            if (from == nil) != (to == nil) {
                throw ShellError(L("--from and --to go together", "--from 与 --to 需要同时给出"))
            }
            if let from, let to, from > to {
                throw ShellError(L("--from \(from) is after --to \(to)", "--from \(from) 晚于 --to \(to)"))
            }
            return { session in
                guard let campaign = try session.store.campaigns().first(where: { $0.name == name }) else {
                    throw ShellError.notFound(L("campaign", "宣传活动"), name)
                }
                let selection: PeriodSelection
                if let from, let to {
                    selection = .range(from, to)
                } else {
                    selection = .year(year ?? session.today.year)
                }
                let rows = try session.store.compliance(campaign, selection: selection, asOf: session.asOf)
                return .table(Compliance.columns(detail: detail), rows.map { Compliance.values($0, detail: detail) })
            }
        },
    ]
}

/// The flags of `campaign define` that tie a cadence to a day or a month.
enum Campaigns {
    static func fixedDay(_ args: Arguments) throws(ShellError) -> FixedDay? {
        guard let text = args.string("on") else { return nil }
        guard let day = FixedDay(text) else {
            throw ShellError.badValue(
                word: text, flag: "--on",
                expected: L(
                    "a day of the year MM-DD such as 11-09 (not 02-29), or a weekday rule such as 03-last-mon",
                    "每年的某一天 MM-DD，如 11-09（不能是 02-29），或星期规则，如 03-last-mon"))
        }
        return day
    }

    static func month(_ args: Arguments) throws(ShellError) -> Int? {
        guard let text = args.string("month") else { return nil }
        guard let month = Int(text), (1...12).contains(month) else {
            throw ShellError.badValue(
                word: text, flag: "--month", expected: L("a month 1 to 12, such as 6", "月份 1 到 12，如 6"))
        }
        return month
    }
}

enum Compliance {
    static func year(_ args: Arguments) throws(ShellError) -> Int? {
        guard let text = args.string("year") else { return nil }
        guard let year = Int(text), (1900...2200).contains(year) else {
            throw ShellError.badValue(word: text, flag: "--year", expected: L("a year such as 2017", "年份，如 2017"))
        }
        return year
    }

    static func columns(detail: Bool) -> [Column] {
        var columns = [
            Column("community", L("community", "社区")), Column("required", L("required", "应完成")),
            Column("covered", L("covered", "已完成")), Column("rate", L("rate", "完成率")),
        ]
        if detail { columns.append(Column("missing", L("missing", "缺失周期"))) }
        return columns
    }

    static func values(_ row: ComplianceRow, detail: Bool) -> [Value] {
        var values: [Value] = [
            .text(row.community), .int(row.required), .int(row.covered), .number(row.rate, digits: 4),
        ]
        if detail {
            values.append(
                .list(
                    row.missing.map {
                        .object([("period", .text($0.label)), ("start", .date($0.start)), ("end", .date($0.end))])
                    }))
        }
        return values
    }
}
