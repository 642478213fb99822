import Planner

/// `unit close`: close a unit: its plans owe no more drills from that date
struct UnitClose: Command {
    static let configuration = CommandSpec(
        path: ["unit", "close"], group: .organisation, syntax: "NAME --on DATE",
        summary: L("Close a unit: its plans owe no more drills from that date", "关闭单位：自该日起其预案不再需要演练"),
        example: "unit close \"桃源长江机械厂\" --on 2017-07-17", roles: [.supervisor]
    )

    @Positional("NAME") var name: String
    @Flag("on", "DATE") var date: LocalDate

    func run(in session: Session) throws -> Output {
        try session.change(Unit.self, name, done: L("closed \(name) on \(date)", "单位 \(name) 已于 \(date) 关闭")) {
            try Unit.close(on: date, today: session.today, state: $0)
        }
    }
}
