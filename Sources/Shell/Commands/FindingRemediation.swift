import Planner

/// `finding remediation`: record a major finding's remediation plan and its deadline
struct FindingRemediation: Command {
    static let spec = CommandSpec(
        path: ["finding", "remediation"], group: .inspections, syntax: "F-n --on DATE --plan TEXT --due DATE",
        summary: L("Record a major finding's remediation plan and its deadline", "登记重大隐患的治理方案及期限"),
        example: "finding remediation F-9 --on 2017-05-05 --plan \"更换储罐阀门\" --due 2017-06-30", positionals: ["F-n"],
        flags: [
            FlagSpec("on", "DATE", required: true), FlagSpec("plan", "TEXT", required: true),
            FlagSpec("due", "DATE", required: true),
        ],
        roles: [.inspector]
    )

    let code: String
    let date: LocalDate
    let plan: String
    let due: LocalDate

    init(_ args: Arguments) throws(ShellError) {
        code = try args.code(Finding.self)
        date = try args.requiredDate("on")
        plan = try args.requiredString("plan")
        due = try args.requiredDate("due")
    }

    func run(in session: Session) throws -> Output {
        try session.change(Finding.self, code, done: L("recorded the remediation plan of \(code)", "已登记 \(code) 的治理方案"))
        { state in
            try Finding.planRemediation(on: date, plan: plan, due: due, today: session.today, state: state)
        }
    }
}
