import Planner

/// `plan revise`: record a revision of a plan, optionally citing the finding behind it
struct PlanRevise: Command {
    static let spec = CommandSpec(
        path: ["plan", "revise"], group: .plansAndDrills, syntax: "P-n --on DATE --reason TEXT [--finding F-n]",
        summary: L("Record a revision of a plan, optionally citing the finding behind it", "登记预案修订（可注明引起修订的隐患）"),
        example: "plan revise P-3 --on 2017-06-01 --reason 演练发现疏散路线不合理 --finding F-7",
        positionals: ["P-n"],
        flags: [
            FlagSpec("on", "DATE", required: true), FlagSpec("reason", "TEXT", required: true),
            FlagSpec("finding", "F-n"),
        ],
        roles: [.supervisor]
    )

    let code: String
    let date: LocalDate
    let reason: String
    let finding: String?

    init(_ args: Arguments) throws(ShellError) {
        code = try args.code(Plan.self)
        date = try args.requiredDate("on")
        reason = try args.requiredString("reason")
        finding = try args.code("finding", Finding.self)
    }

    func run(in session: Session) throws -> Output {
        try session.write { _ in
            if let finding {
                _ = try session.existing(Finding.self, finding)
            }
            try session.apply(
                Plan.self, code, existing: true
            ) {
                try Plan.revise(on: date, reason: reason, finding: finding, today: session.today, state: $0)
            }
        }
        return .created(code, L("recorded a revision of \(code)", "已登记 \(code) 的修订"))
    }
}
