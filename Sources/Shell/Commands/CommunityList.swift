import PlannerStore

/// `community list`: list the communities and how many units each has
struct CommunityList: Command {
    static let configuration = CommandSpec(
        path: ["community", "list"], aliases: [["社区", "列表"]], group: .organisation, syntax: "",
        summary: L("List the communities and how many units each has", "列出社区及其单位数"),
        example: "community list"
    )

    func run(in session: Session) throws -> Output {
        .table(
            try session.store.communities(),
            [
                Field("community", L("community", "社区")) { .text($0.name) },
                Field("units", L("units", "单位数")) { .int($0.units) },
            ])
    }
}
