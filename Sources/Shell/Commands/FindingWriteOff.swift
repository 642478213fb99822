import Planner

/// `finding writeoff`: write a major finding off (核销) after its report, evaluation and passed re-inspection
struct FindingWriteOff: Command {
    static let spec = CommandSpec(
        path: ["finding", "writeoff"], group: .inspections, syntax: "F-n --on DATE --approved-by NAME",
        summary: L(
            "Write a major finding off (核销) after its report, evaluation and passed re-inspection",
            "重大隐患核销（须已上报、已评估、复查通过）"),
        example: "finding writeoff F-9 --on 2017-07-05 --approved-by 王主任", positionals: ["F-n"],
        flags: [FlagSpec("on", "DATE", required: true), FlagSpec("approved-by", "NAME", required: true)],
        roles: [.inspector]
    )

    let code: String
    let date: LocalDate
    let approver: String

    init(_ args: Arguments) throws(ShellError) {
        code = try args.code(Finding.self)
        date = try args.requiredDate("on")
        approver = try args.requiredString("approved-by")
    }

    func run(in session: Session) throws -> Output {
        try session.change(Finding.self, code, done: L("wrote \(code) off", "\(code) 已核销")) { state in
            try Finding.writeOff(on: date, approvedBy: approver, today: session.today, state: state)
        }
    }
}
