import Planner

/// `drill reschedule`: move a scheduled drill to another date
struct DrillReschedule: Command {
    static let configuration = CommandSpec(
        path: ["drill", "reschedule"], group: .plansAndDrills, syntax: "D-n --on DATE --reason TEXT",
        summary: L("Move a scheduled drill to another date", "调整已安排演练的日期"),
        example: "drill reschedule D-4 --on 2017-03-10 --reason 天气原因",
        roles: [.supervisor]
    )

    @Positional(code: Drill.self) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("reason", "TEXT") var reason: String

    func run(in session: Session) throws -> Output {
        try session.change(Drill.self, code, done: L("rescheduled \(code) to \(date)", "\(code) 已改期至 \(date)")) {
            drill in
            try Drill.reschedule(
                on: date, reason: reason, context: try session.drillContext(plan: drill.plan), state: drill)
        }
    }
}
