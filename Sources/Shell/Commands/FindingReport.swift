import Planner

/// `finding report`: record that a major finding was reported to the authority
struct FindingReport: Command {
    static let spec = CommandSpec(
        path: ["finding", "report"], group: .inspections, syntax: "F-n --on DATE [--to AUTHORITY]",
        summary: L("Record that a major finding was reported to the authority", "登记重大隐患已上报主管部门"),
        example: "finding report F-9 --on 2017-05-03 --to 区应急管理局", positionals: ["F-n"],
        flags: [FlagSpec("on", "DATE", required: true), FlagSpec("to", "AUTHORITY")], roles: [.inspector]
    )

    let code: String
    let date: LocalDate
    let authority: String?

    init(_ args: Arguments) throws(ShellError) {
        code = try args.code(Finding.self)
        date = try args.requiredDate("on")
        authority = args.string("to")
    }

    func run(in session: Session) throws -> Output {
        try session.change(Finding.self, code, done: L("recorded the report of \(code)", "已登记 \(code) 的上报")) { state in
            try Finding.report(on: date, authority: authority, today: session.today, state: state)
        }
    }
}
