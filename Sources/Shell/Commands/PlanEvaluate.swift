import Planner

/// `plan evaluate`: record an evaluation (预案评估) of a plan
struct PlanEvaluate: Command {
    static let configuration = CommandSpec(
        path: ["plan", "evaluate"], group: .plansAndDrills, syntax: "P-n --on DATE [--note TEXT]",
        summary: L("Record an evaluation (预案评估) of a plan", "登记预案评估"),
        example: "plan evaluate P-3 --on 2017-12-01 --note 预案可行", roles: [.supervisor]
    )

    @Positional(code: Plan.self) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("note", "TEXT") var note: String?

    func run(in session: Session) throws -> Output {
        try session.change(Plan.self, code, done: L("recorded an evaluation of \(code)", "已登记 \(code) 的评估")) {
            try Plan.evaluate(on: date, note: note, today: session.today, state: $0)
        }
    }
}
