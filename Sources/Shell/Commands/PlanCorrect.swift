import Planner
import PlannerStore

/// `plan correct`: correct a plan's cadence, start or level, with the reason
struct PlanCorrect: Command {
    static let configuration = CommandSpec(
        path: ["plan", "correct"], group: .plansAndDrills,
        syntax: "P-n [--every DURATION] [--from DATE] [--level LEVEL] --reason TEXT",
        summary: L("Correct a plan's cadence, start or level, with the reason", "更正预案的演练周期、生效日期或级别，并说明原因"),
        details: L(
            "The correction is a new record: history shows the original and the correction, and a report asked with set recorded-as-of before the correction gives the old answer. --from may not be after a drill of the plan was held.",
            "更正是一条新记录：history 同时显示原记录和更正；用 set recorded-as-of 查询更正之前的时点，报表给出原来的结果。--from 不能晚于该预案已举行的演练。"),
        example: "plan correct P-3 --every 6m --reason 周期登记有误",
        roles: [.supervisor]
    )

    @Positional(code: Plan.self) var code: String
    @Flag("every", "DURATION") var every: Interval?
    @Flag("from", "DATE") var from: LocalDate?
    @Flag("level", "LEVEL") var level: PlanLevel?
    @Flag("reason", "TEXT") var reason: String

    func run(in session: Session) throws -> Output {
        try session.change(Plan.self, code, done: L("corrected \(code)", "\(code) 已更正")) { plan in
            try Plan.correct(
                every: every, from: from, level: level, reason: reason,
                firstHeld: try session.store.firstDrillHeld(plan: code), state: plan)
        }
    }
}
