import Planner
import PlannerStore

/// `unit list`: list units, optionally of one community
struct UnitList: Command {
    static let configuration = CommandSpec(
        path: ["unit", "list"], aliases: [["单位", "列表"]], group: .organisation, syntax: "[--community C]",
        summary: L("List units, optionally of one community", "列出单位（可按社区筛选）"),
        example: "unit list --community 江岸社区"
    )

    @Flag("community", "C") var community: String?

    func run(in session: Session) throws -> Output {
        .table(
            try session.store.units(community: community),
            [
                Field("unit", L("unit", "单位")) { .text($0.name) },
                Field("community", L("community", "社区")) { .text($0.community) },
                Field("kind", L("kind", "类别")) { .text($0.kind.rawValue) },
                Field("key_fire_unit", L("key fire unit", "消防重点")) { .bool($0.keyFireUnit) },
                Field("closed_on", L("closed on", "关闭日期")) { .optional($0.closedOn?.description) },
            ])
    }
}
