import Planner
import PlannerStore

/// `community list`: list the communities and how many units each has
struct CommunityList: Command {
    static let spec = CommandSpec(
        path: ["community", "list"], aliases: [["社区", "列表"]], group: .organisation, syntax: "",
        summary: L("List the communities and how many units each has", "列出社区及其单位数"),
        example: "community list"
    )

    init(_: Arguments) {}

    func run(in session: Session) throws -> Output {
        return .table(
            [Column("community", L("community", "社区")), Column("units", L("units", "单位数"))],
            try session.store.communities().map { [.text($0.name), .int($0.units)] })
    }
}
