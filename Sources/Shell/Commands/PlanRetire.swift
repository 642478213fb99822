import Planner

/// `plan retire`: retire a plan: it owes no drills from that date
struct PlanRetire: Command {
    static let configuration = CommandSpec(
        path: ["plan", "retire"], group: .plansAndDrills, syntax: "P-n --on DATE",
        summary: L("Retire a plan: it owes no drills from that date", "废止预案：自该日起不再需要演练"),
        example: "plan retire P-19 --on 2017-09-21", roles: [.supervisor]
    )

    @Positional(code: Plan.self) var code: String
    @Flag("on", "DATE") var date: LocalDate

    func run(in session: Session) throws -> Output {
        try session.change(Plan.self, code, done: L("retired \(code) on \(date)", "\(code) 已于 \(date) 废止")) {
            try Plan.retire(on: date, state: $0)
        }
    }
}
