import Planner
import PlannerStore

/// `compliance`: how well each community kept a campaign, as of today
struct ComplianceReport: Command {
    static let configuration = CommandSpec(
        path: ["compliance"], aliases: [["合规"]], group: .reports,
        syntax: "NAME [--year Y | --from DATE --to DATE] [--detail]",
        summary: L("How well each community kept a campaign, as of today", "截至今天各社区对某项宣传活动的完成情况"),
        details: L(
            "A period counts when it has ended by today (a fixed day: once the day has come). --year selects the year's periods (ISO weeks, the notice year for holidays, the year of a fixed day); --from/--to the periods wholly inside the range (holidays whose block starts in it, fixed days that lie in it). --detail lists the missing periods.",
            "只计入截至今天已结束的周期（固定日：该日已到）。--year 选择该年的周期（周按 ISO 周年，节日按通知年份，固定日按其所在年份）；--from/--to 选择完全落在区间内的周期（节日看假期首日，固定日看该日是否在区间内）。--detail 列出缺失的周期。"
        ),
        example: "compliance 消防周宣传 --year 2017 --detail"
    )

    @Positional("NAME") var name: String
    /// The periods asked for; nil means the as-of date's year.
    @FlagGroup(.period) var selection: PeriodSelection?
    @Switch("detail") var detail: Bool

    func run(in session: Session) throws -> Output {
        guard let campaign = try session.store.campaigns().first(where: { $0.name == name }) else {
            throw ShellError.notFound(L("campaign", "宣传活动"), name)
        }
        let rows = try session.store.compliance(
            campaign, selection: selection ?? .year(session.today.year), asOf: session.asOf)
        return .table(Compliance.columns(detail: detail), rows.map { Compliance.values($0, detail: detail) })
    }
}
