import Planner
import PlannerStore

extension Session {
    /// The plan and its unit, which drill commands decide against.
    func drillContext(plan code: String) throws -> Drill.Context {
        let plan = try existing(Plan.self, code)
        let unit = try load(Unit.self, plan.unit)
        return Drill.Context(plan: plan, unit: unit, today: today)
    }
}
