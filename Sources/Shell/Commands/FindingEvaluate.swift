import Planner

/// `finding evaluate`: record the evaluation of a major finding after treatment
struct FindingEvaluate: Command {
    static let configuration = CommandSpec(
        path: ["finding", "evaluate"], group: .inspections, syntax: "F-n --on DATE [--note TEXT]",
        summary: L("Record the evaluation of a major finding after treatment", "登记重大隐患治理后的评估"),
        example: "finding evaluate F-9 --on 2017-07-02 --note 治理达标", roles: [.inspector]
    )

    @Positional(code: Finding.self) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("note", "TEXT") var note: String?

    func run(in session: Session) throws -> Output {
        try session.change(Finding.self, code, done: L("recorded the evaluation of \(code)", "已登记 \(code) 的评估")) {
            state in
            try Finding.evaluate(on: date, note: note, today: session.today, state: state)
        }
    }
}
