import Planner

/// `finding writeoff`: write a major finding off (核销) after its report, evaluation and passed re-inspection
struct FindingWriteOff: Command {
    static let configuration = CommandSpec(
        path: ["finding", "writeoff"], group: .inspections, syntax: "F-n --on DATE --approved-by NAME",
        summary: L(
            "Write a major finding off (核销) after its report, evaluation and passed re-inspection",
            "重大隐患核销（须已上报、已评估、复查通过）"),
        example: "finding writeoff F-9 --on 2017-07-05 --approved-by 王主任",
        roles: [.inspector]
    )

    @Positional(code: Finding.self) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("approved-by", "NAME") var approver: String

    func run(in session: Session) throws -> Output {
        try session.change(Finding.self, code, done: L("wrote \(code) off", "\(code) 已核销")) { state in
            try Finding.writeOff(on: date, approvedBy: approver, today: session.today, state: state)
        }
    }
}
