import Planner

/// `campaign define`: define a publicity programme and who owes it
struct CampaignDefine: Command {
    static let configuration = CommandSpec(
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
        roles: [.supervisor]
    )

    @Positional("NAME") var name: String
    @Flag("cadence", "CADENCE") var cadence: Cadence
    @Flag("on", "MM-DD", as: .fixedDay) var day: FixedDay?
    @Flag("month", "M", as: .month) var month: Int?
    @Flag("window", "DURATION") var window: Interval?
    @Flag("communities", "C1,C2", as: .list) var communities: [String]?

    func run(in session: Session) throws -> Output {
        try session.write { _ in
            var unknown: [String] = []
            for community in communities ?? [] {
                if !(try session.load(Community.self, community)).exists {
                    unknown.append(community)
                }
            }
            try session.apply(Campaign.self, name) {
                try Campaign.define(
                    name: name, cadence: cadence, day: day, month: month, window: window,
                    communities: communities, unknown: unknown, state: $0)
            }
        }
        return .created(name, L("defined campaign \(name)", "已定义宣传活动 \(name)"))
    }
}
