import Planner
import PlannerStore

/// `plan list`: list plans with their cadence and where it comes from
struct PlanList: Command {
    static let configuration = CommandSpec(
        path: ["plan", "list"], aliases: [["预案", "列表"]], group: .plansAndDrills, syntax: "[--unit U]",
        summary: L("List plans with their cadence and where it comes from", "列出预案、演练周期及其依据"),
        example: "plan list"
    )

    @Flag("unit", "U") var unit: String?

    func run(in session: Session) throws -> Output {
        .table(
            try session.store.plans(unit: unit),
            [
                Field("plan", L("plan", "预案")) { .text($0.code) },
                Field("name", L("name", "名称")) { .text($0.name) },
                Field("unit", L("unit", "单位")) { .text($0.unit) },
                Field("level", L("level", "级别")) { .text($0.level.rawValue) },
                Field("every_months", L("every (months)", "周期（月）")) { .int($0.everyMonths) },
                Field("rule", L("rule", "依据")) { .text($0.rule) },
                Field("from", L("from", "生效")) { .text($0.startOn.description) },
                Field("retired_on", L("retired", "废止")) { .optional($0.retiredOn?.description) },
            ])
    }
}
