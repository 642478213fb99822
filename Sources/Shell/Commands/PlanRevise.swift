import Planner

/// `plan revise`: record a revision of a plan, optionally citing the finding behind it
struct PlanRevise: Command {
    static let configuration = CommandSpec(
        path: ["plan", "revise"], group: .plansAndDrills, syntax: "P-n --on DATE --reason TEXT [--finding F-n]",
        summary: L("Record a revision of a plan, optionally citing the finding behind it", "登记预案修订（可注明引起修订的隐患）"),
        example: "plan revise P-3 --on 2017-06-01 --reason 演练发现疏散路线不合理 --finding F-7",
        roles: [.supervisor]
    )

    @Positional(code: Plan.self) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("reason", "TEXT") var reason: String
    @Flag("finding", "F-n", as: .code(Finding.self)) var finding: String?

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
