import Planner
import PlannerStore

/// `plan add`: add an emergency plan (应急预案) and the drill cadence it owes
struct PlanAdd: Command {
    static let configuration = CommandSpec(
        path: ["plan", "add"], aliases: [["预案", "添加"]], group: .plansAndDrills,
        syntax:
            "NAME --unit U --level comprehensive|special|onsite [--hazard TEXT] [--every DURATION] [--from DATE]",
        summary: L("Add an emergency plan (应急预案) and the drill cadence it owes", "添加应急预案及其演练周期"),
        details: L(
            "Without --every the cadence comes from the rule catalogue (see: rules for UNIT).\n--from is the date the plan takes effect (default: today).",
            "不给 --every 时，周期取自规则库（参见：rules for 单位）。\n--from 为预案生效日期（默认今天）。"),
        example:
            "plan add \"江岸化工储运站火灾疏散预案\" --unit \"江岸化工储运站\" --level special --hazard 火灾 --every 6m --from 2017-01-01",
        roles: [.supervisor]
    )

    @Positional("NAME") var name: String
    @Flag("unit", "U") var unitName: String
    @Flag("level", "LEVEL") var level: PlanLevel
    @Flag("hazard", "TEXT") var hazard: String?
    @Flag("every", "DURATION") var every: Interval?
    @Flag("from", "DATE") var from: LocalDate?

    func run(in session: Session) throws -> Output {
        let code = try session.write { store in
            let unit = try session.load(Unit.self, unitName)
            let code = try store.nextCode("P")
            let command = Plan.AddCommand(
                code: code, name: name, unitName: unitName, level: level, hazard: hazard, every: every,
                from: from ?? session.today)
            try session.apply(Plan.self, code) { _ in
                try Plan.add(command, unit: unit, catalogue: session.catalogue)
            }
            return code
        }
        return .created(code, L("added plan \(code) \(name)", "已添加预案 \(code) \(name)"))
    }
}
