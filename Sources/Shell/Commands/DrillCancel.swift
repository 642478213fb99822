import Planner

/// `drill cancel`: cancel a scheduled drill
struct DrillCancel: Command {
    static let spec = CommandSpec(
        path: ["drill", "cancel"], group: .plansAndDrills, syntax: "D-n --reason TEXT",
        summary: L("Cancel a scheduled drill", "取消已安排的演练"), example: "drill cancel D-49 --reason 天气原因",
        positionals: ["D-n"], flags: [FlagSpec("reason", "TEXT", required: true)], roles: [.supervisor]
    )

    let code: String
    let reason: String

    init(_ args: Arguments) throws(ShellError) {
        code = try args.code(Drill.self)
        reason = try args.requiredString("reason")
    }

    func run(in session: Session) throws -> Output {
        try session.change(Drill.self, code, done: L("cancelled \(code)", "已取消 \(code)")) {
            try Drill.cancel(reason: reason, state: $0)
        }
    }
}
