import Planner
import PlannerStore

/// `drill schedule`: schedule a drill of a plan
struct DrillSchedule: Command {
    static let configuration = CommandSpec(
        path: ["drill", "schedule"], aliases: [["演练", "安排"]], group: .plansAndDrills,
        syntax: "P-n --on DATE [--form tabletop|live] [--scope single|comprehensive] [--scenario TEXT]",
        summary: L("Schedule a drill of a plan", "安排预案演练"),
        example: "drill schedule P-1 --on 2017-01-05 --form live --scope single --scenario 火灾疏散",
        roles: [.supervisor]
    )

    @Positional(code: Plan.self) var plan: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("form", "FORM") var form: DrillForm?
    @Flag("scope", "SCOPE") var scope: DrillScope?
    @Flag("scenario", "TEXT") var scenario: String?

    func run(in session: Session) throws -> Output {
        let code = try session.write { store in
            let context = try session.drillContext(plan: plan)
            let code = try store.nextCode("D")
            try session.apply(Drill.self, code) { _ in
                try Drill.schedule(
                    code: code, on: date, form: form, scope: scope, scenario: scenario, context: context)
            }
            return code
        }
        return .created(
            code, L("scheduled \(code) of \(plan) on \(date)", "已安排 \(plan) 的演练 \(code)，日期 \(date)"))
    }
}
