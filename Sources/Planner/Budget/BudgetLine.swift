/// One line of a year's budget against what was spent on it, as `budget list` and the annual
/// report show it.
public struct BudgetLine: Sendable, Equatable {
    public var line: String
    public var budget: Yuan
    public var spent: Yuan

    public init(line: String, budget: Yuan, spent: Yuan) {
        (self.line, self.budget, self.spent) = (line, budget, spent)
    }

    /// What is left; negative when the line is over-spent.
    public var remaining: Yuan { budget - spent }
    /// True when more was spent than budgeted.
    public var overSpent: Bool { spent > budget }

    /// The lines added up, exactly, under the given label.
    public static func total(_ lines: [BudgetLine], line: String) -> BudgetLine {
        BudgetLine(line: line, budget: lines.map(\.budget).sum(), spent: lines.map(\.spent).sum())
    }
}
