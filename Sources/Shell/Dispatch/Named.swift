import Planner
import PlannerStore

/// An aggregate that users name by a code or a name.
protocol Named: Aggregate {
    static var naming: Naming { get }
}

/// How users name one kind of aggregate: what they call it when it is missing ("no plan P-9"),
/// the stream a name or code stands for, and the letter of its codes (`P` in `P-3`), nil for
/// an aggregate named by its name.
struct Naming: Sendable {
    let what: L
    let stream: @Sendable (String) -> String
    let letter: String?

    init(_ what: L, _ stream: @escaping @Sendable (String) -> String, letter: String? = nil) {
        (self.what, self.stream, self.letter) = (what, stream, letter)
    }
}

extension Community: Named { static let naming = Naming(L("community", "社区"), PlannerStore.Stream.community) }
extension Unit: Named { static let naming = Naming(L("unit", "单位"), PlannerStore.Stream.unit) }
extension Plan: Named { static let naming = Naming(L("plan", "预案"), PlannerStore.Stream.plan, letter: "P") }
extension Drill: Named { static let naming = Naming(L("drill", "演练"), PlannerStore.Stream.drill, letter: "D") }
extension Campaign: Named { static let naming = Naming(L("campaign", "宣传活动"), PlannerStore.Stream.campaign) }
extension Activity: Named {
    static let naming = Naming(L("activity", "活动"), PlannerStore.Stream.activity, letter: "A")
}
extension Inspection: Named {
    static let naming = Naming(L("inspection", "检查"), PlannerStore.Stream.inspection, letter: "I")
}
extension Finding: Named { static let naming = Naming(L("finding", "隐患"), PlannerStore.Stream.finding, letter: "F") }
extension Expense: Named {
    static let naming = Naming(L("expense", "支出"), PlannerStore.Stream.expense, letter: "E")
}
