import Planner

/// `drill cancel`: cancel a scheduled drill
struct DrillCancel: Command {
    static let configuration = CommandSpec(
        path: ["drill", "cancel"], group: .plansAndDrills, syntax: "D-n --reason TEXT",
        summary: L("Cancel a scheduled drill", "取消已安排的演练"), example: "drill cancel D-49 --reason 天气原因",
        roles: [.supervisor]
    )

    @Positional(code: Drill.self) var code: String
    @Flag("reason", "TEXT") var reason: String

    func run(in session: Session) throws -> Output {
        try session.change(Drill.self, code, done: L("cancelled \(code)", "已取消 \(code)")) {
            try Drill.cancel(reason: reason, state: $0)
        }
    }
}
