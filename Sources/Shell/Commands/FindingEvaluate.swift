import Planner

/// `finding evaluate`: record the evaluation of a major finding after treatment
struct FindingEvaluate: Command {
    static let spec = CommandSpec(
        path: ["finding", "evaluate"], group: .inspections, syntax: "F-n --on DATE [--note TEXT]",
        summary: L("Record the evaluation of a major finding after treatment", "登记重大隐患治理后的评估"),
        example: "finding evaluate F-9 --on 2017-07-02 --note 治理达标", positionals: ["F-n"],
        flags: [FlagSpec("on", "DATE", required: true), FlagSpec("note", "TEXT")], roles: [.inspector]
    )

    let code: String
    let date: LocalDate
    let note: String?

    init(_ args: Arguments) throws(ShellError) {
        code = try args.code(Finding.self)
        date = try args.requiredDate("on")
        note = args.string("note")
    }

    func run(in session: Session) throws -> Output {
        try session.change(Finding.self, code, done: L("recorded the evaluation of \(code)", "已登记 \(code) 的评估")) {
            state in
            try Finding.evaluate(on: date, note: note, today: session.today, state: state)
        }
    }
}
