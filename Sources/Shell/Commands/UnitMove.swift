import Planner

/// `unit move`: move a unit filed under the wrong community to its own, with the reason
struct UnitMove: Command {
    static let configuration = CommandSpec(
        path: ["unit", "move"], group: .organisation, syntax: "NAME --community C --reason TEXT",
        summary: L(
            "Move a unit filed under the wrong community to its own, with the reason", "把登记在错误社区的单位移到所属社区，并说明原因"),
        details: L(
            "The move is a new record: history shows it, and a report asked with set recorded-as-of before the move gives the old community.",
            "移动是一条新记录：history 显示它；用 set recorded-as-of 查询移动之前的时点，报表给出原来的社区。"),
        example: "unit move 江岸小学 --community 汉水湾社区 --reason 登记社区有误",
        roles: [.supervisor]
    )

    @Positional("NAME") var name: String
    @Flag("community", "C") var communityName: String
    @Flag("reason", "TEXT") var reason: String

    func run(in session: Session) throws -> Output {
        try session.change(
            Unit.self, name, done: L("moved \(name) to \(communityName)", "单位 \(name) 已移至 \(communityName)")
        ) { unit in
            try Unit.move(
                to: try session.load(Community.self, communityName), communityName: communityName, reason: reason,
                state: unit)
        }
    }
}
