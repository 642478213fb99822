import Planner

/// `finding remediation`: record a major finding's remediation plan and its deadline
struct FindingRemediation: Command {
    static let configuration = CommandSpec(
        path: ["finding", "remediation"], group: .inspections, syntax: "F-n --on DATE --plan TEXT --due DATE",
        summary: L("Record a major finding's remediation plan and its deadline", "登记重大隐患的治理方案及期限"),
        example: "finding remediation F-9 --on 2017-05-05 --plan \"更换储罐阀门\" --due 2017-06-30",
        roles: [.inspector]
    )

    @Positional(code: Finding.self) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("plan", "TEXT") var plan: String
    @Flag("due", "DATE") var due: LocalDate

    func run(in session: Session) throws -> Output {
        try session.change(Finding.self, code, done: L("recorded the remediation plan of \(code)", "已登记 \(code) 的治理方案"))
        { state in
            try Finding.planRemediation(on: date, plan: plan, due: due, today: session.today, state: state)
        }
    }
}
