import Planner
import PlannerStore

/// `plan list`: list plans with their cadence and where it comes from
struct PlanList: Command {
    static let spec = CommandSpec(
        path: ["plan", "list"], aliases: [["预案", "列表"]], group: .plansAndDrills, syntax: "[--unit U]",
        summary: L("List plans with their cadence and where it comes from", "列出预案、演练周期及其依据"),
        example: "plan list", flags: [FlagSpec("unit", "U")]
    )

    let unit: String?

    init(_ args: Arguments) throws(ShellError) {
        unit = args.string("unit")
    }

    func run(in session: Session) throws -> Output {
        return .table(
            [
                Column("plan", L("plan", "预案")), Column("name", L("name", "名称")),
                Column("unit", L("unit", "单位")), Column("level", L("level", "级别")),
                Column("every_months", L("every (months)", "周期（月）")), Column("rule", L("rule", "依据")),
                Column("from", L("from", "生效")), Column("retired_on", L("retired", "废止")),
            ],
            try session.store.plans(unit: unit).map { plan in
                [
                    .text(plan.code), .text(plan.name), .text(plan.unit), .text(plan.level.rawValue),
                    .int(plan.everyMonths), .text(plan.rule), .text(plan.startOn.description),
                    .optional(plan.retiredOn?.description),
                ]
            })
    }
}
