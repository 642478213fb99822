import Planner

/// `finding correct`: correct a finding's deadline, description or severity, with the reason
struct FindingCorrect: Command {
    static let configuration = CommandSpec(
        path: ["finding", "correct"], group: .inspections,
        syntax: "F-n [--due DATE] [--text TEXT] [--severity SEVERITY] --reason TEXT",
        summary: L(
            "Correct a finding's deadline, description or severity, with the reason", "更正隐患的整改期限、描述或等级，并说明原因"),
        details: L(
            "The correction is a new record: history shows the original and the correction, and a report asked with set recorded-as-of before the correction gives the old answer.",
            "更正是一条新记录：history 同时显示原记录和更正；用 set recorded-as-of 查询更正之前的时点，报表给出原来的结果。"),
        example: "finding correct F-2 --due 2017-05-20 --reason 整改期限填错",
        roles: [.supervisor, .inspector]
    )

    @Positional(code: Finding.self) var code: String
    @Flag("due", "DATE") var due: LocalDate?
    @Flag("text", "TEXT") var text: String?
    @Flag("severity", "SEVERITY") var severity: Severity?
    @Flag("reason", "TEXT") var reason: String

    func run(in session: Session) throws -> Output {
        try session.change(Finding.self, code, done: L("corrected \(code)", "\(code) 已更正")) { state in
            try Finding.correct(due: due, text: text, severity: severity, reason: reason, state: state)
        }
    }
}
