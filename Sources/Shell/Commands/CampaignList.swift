import Planner
import PlannerStore

/// `campaign list`: list the campaigns
struct CampaignList: Command {
    static let configuration = CommandSpec(
        path: ["campaign", "list"], aliases: [["宣传", "列表"]], group: .campaigns, syntax: "",
        summary: L("List the campaigns", "列出宣传活动"), example: "campaign list"
    )

    func run(in session: Session) throws -> Output {
        .table(
            try session.store.campaigns(),
            [
                Field("campaign", L("campaign", "宣传活动")) { .text($0.name) },
                Field("cadence", L("cadence", "频次")) { .text($0.schedule.cadence.rawValue) },
                Field("on", L("day or month", "日期或月份")) { $0.schedule.anchor.map(Value.text) ?? .null },
                Field("window_days", L("window (days)", "窗口（天）")) { $0.schedule.windowDays.map(Value.int) ?? .null },
                Field("communities", L("communities", "责任社区")) {
                    $0.communities.map { .list($0.map(Value.text)) } ?? .text(session.text(L("all", "全部")))
                },
            ])
    }
}
