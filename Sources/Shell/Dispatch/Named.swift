import Planner
import PlannerStore

/// An aggregate that users name by a code or a name: the stream it lives in, and what they
/// call it when it is missing ("no plan P-9").
protocol Named: Aggregate {
    static var what: L { get }
    static func stream(_ name: String) -> String
}

extension Community: Named {
    static var what: L { L("community", "社区") }
    static func stream(_ name: String) -> String { PlannerStore.Stream.community(name) }
}

extension Unit: Named {
    static var what: L { L("unit", "单位") }
    static func stream(_ name: String) -> String { PlannerStore.Stream.unit(name) }
}

extension Plan: Named {
    static var what: L { L("plan", "预案") }
    static func stream(_ code: String) -> String { PlannerStore.Stream.plan(code) }
}

extension Drill: Named {
    static var what: L { L("drill", "演练") }
    static func stream(_ code: String) -> String { PlannerStore.Stream.drill(code) }
}

extension Campaign: Named {
    static var what: L { L("campaign", "宣传活动") }
    static func stream(_ name: String) -> String { PlannerStore.Stream.campaign(name) }
}

extension Activity: Named {
    static var what: L { L("activity", "活动") }
    static func stream(_ code: String) -> String { PlannerStore.Stream.activity(code) }
}

extension Inspection: Named {
    static var what: L { L("inspection", "检查") }
    static func stream(_ code: String) -> String { PlannerStore.Stream.inspection(code) }
}

extension Finding: Named {
    static var what: L { L("finding", "隐患") }
    static func stream(_ code: String) -> String { PlannerStore.Stream.finding(code) }
}
