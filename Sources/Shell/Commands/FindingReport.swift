import Planner

/// `finding report`: record that a major finding was reported to the authority
struct FindingReport: Command {
    static let configuration = CommandSpec(
        path: ["finding", "report"], group: .inspections, syntax: "F-n --on DATE [--to AUTHORITY]",
        summary: L("Record that a major finding was reported to the authority", "登记重大隐患已上报主管部门"),
        example: "finding report F-9 --on 2017-05-03 --to 区应急管理局", roles: [.inspector]
    )

    @Positional(code: Finding.self) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("to", "AUTHORITY") var authority: String?

    func run(in session: Session) throws -> Output {
        try session.change(Finding.self, code, done: L("recorded the report of \(code)", "已登记 \(code) 的上报")) { state in
            try Finding.report(on: date, authority: authority, today: session.today, state: state)
        }
    }
}
