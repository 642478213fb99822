import Planner

/// `drill reschedule`: move a scheduled drill to another date
struct DrillReschedule: Command {
    static let spec = CommandSpec(
        path: ["drill", "reschedule"], group: .plansAndDrills, syntax: "D-n --on DATE --reason TEXT",
        summary: L("Move a scheduled drill to another date", "调整已安排演练的日期"),
        example: "drill reschedule D-4 --on 2017-03-10 --reason 天气原因", positionals: ["D-n"],
        flags: [FlagSpec("on", "DATE", required: true), FlagSpec("reason", "TEXT", required: true)],
        roles: [.supervisor]
    )

    let code: String
    let date: LocalDate
    let reason: String

    init(_ args: Arguments) throws(ShellError) {
        code = try args.code(Drill.self)
        date = try args.requiredDate("on")
        reason = try args.requiredString("reason")
    }

    func run(in session: Session) throws -> Output {
        try session.change(Drill.self, code, done: L("rescheduled \(code) to \(date)", "\(code) 已改期至 \(date)")) {
            drill in
            try Drill.reschedule(
                on: date, reason: reason, context: try session.drillContext(plan: drill.plan), state: drill)
        }
    }
}
