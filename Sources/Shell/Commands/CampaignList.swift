import Foundation
import Planner
import PlannerStore

/// `campaign list`: list the campaigns
struct CampaignList: Command {
    static let spec = CommandSpec(
        path: ["campaign", "list"], aliases: [["宣传", "列表"]], group: .campaigns, syntax: "",
        summary: L("List the campaigns", "列出宣传活动"), example: "campaign list"
    )

    init(_: Arguments) {}

    func run(in session: Session) throws -> Output {
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
}
