import Planner

/// `plan evaluate`: record an evaluation (预案评估) of a plan
struct PlanEvaluate: Command {
    static let spec = CommandSpec(
        path: ["plan", "evaluate"], group: .plansAndDrills, syntax: "P-n --on DATE [--note TEXT]",
        summary: L("Record an evaluation (预案评估) of a plan", "登记预案评估"),
        example: "plan evaluate P-3 --on 2017-12-01 --note 预案可行", positionals: ["P-n"],
        flags: [FlagSpec("on", "DATE", required: true), FlagSpec("note", "TEXT")], roles: [.supervisor]
    )

    let code: String
    let date: LocalDate
    let note: String?

    init(_ args: Arguments) throws(ShellError) {
        code = try args.code(Plan.self)
        date = try args.requiredDate("on")
        note = args.string("note")
    }

    func run(in session: Session) throws -> Output {
        try session.change(Plan.self, code, done: L("recorded an evaluation of \(code)", "已登记 \(code) 的评估")) {
            try Plan.evaluate(on: date, note: note, today: session.today, state: $0)
        }
    }
}
