import Planner
import PlannerStore

extension Session {
    /// The plan and its unit, which drill commands decide against.
    func drillContext(plan code: String) throws -> Drill.Context {
        let plan = try existing(Plan.self, PlannerStore.Stream.plan(code), L("plan", "预案"), code)
        let unit = try load(Unit.self, PlannerStore.Stream.unit(plan.unit))
        return Drill.Context(plan: plan, unit: unit, today: today)
    }
}
