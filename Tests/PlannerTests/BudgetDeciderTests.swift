import Testing

@testable import Planner

@Suite("Budget, expense and target deciders")
struct BudgetDeciderTests {
    let today = date("2017-12-31")

    func yuan(_ text: String) -> Yuan {
        (try? Yuan(text)) ?? Yuan(fen: -1)
    }

    func record(_ line: String = "安全生产", on day: String = "2017-03-15", amount: String = "12345.67", budget: Budget)
        throws -> [Event]
    {
        let command = Expense.RecordCommand(code: "E-1", line: line, on: date(day), amount: yuan(amount), note: nil)
        return try Expense.record(command, budget: budget, today: today)
    }

    @Test("Given no budget for 2017, when a line is set, then it is recorded with its exact amount")
    func setALine() throws {
        let events = try Budget.set(line: "安全生产", year: 2017, amount: yuan("80000"), state: .initial)
        #expect(events == [.budgetSet(BudgetSet(line: "安全生产", year: 2017, amount: Yuan(fen: 8_000_000)))])
    }

    @Test("Given a line set, when it is set again, then the latest amount counts and both are in the stream")
    func setAgain() throws {
        let first = try Budget.set(line: "安全生产", year: 2017, amount: yuan("80000"), state: .initial)
        let second = try Budget.set(line: "安全生产", year: 2017, amount: yuan("85000.50"), state: Budget.fold(first))
        let budget = Budget.fold(first + second)
        #expect(budget.lines == ["安全生产": yuan("85000.50")])
        #expect((first + second).count == 2)
    }

    @Test("A budget is refused for a year outside 1900–2999 or a name that is too long")
    func refusedBudgets() {
        #expect(throws: DomainError.self) {
            try Budget.set(line: "安全生产", year: 3000, amount: yuan("1"), state: .initial)
        }
        #expect(throws: DomainError.self) {
            try Budget.set(line: String(repeating: "长", count: 201), year: 2017, amount: yuan("1"), state: .initial)
        }
    }

    @Test("Given the line's budget for the year, when money is spent on it, then the expense is recorded")
    func recordAnExpense() throws {
        let budget = Budget(year: 2017, lines: ["安全生产": yuan("80000")])
        let events = try record(budget: budget)
        #expect(
            events == [
                .expenseRecorded(
                    ExpenseRecorded(code: "E-1", line: "安全生产", on: date("2017-03-15"), amount: Yuan(fen: 1_234_567)))
            ])
    }

    @Test("An expense on a line with no budget that year is refused, naming the line and the known lines")
    func expenseWithoutBudget() throws {
        let budget = Budget(year: 2017, lines: ["安全生产": yuan("80000"), "消防": yuan("1")])
        #expect(throws: DomainError("no budget line 宣传 in 2017 (lines: 安全生产, 消防)", "2017 年没有预算科目 宣传（科目：安全生产、消防）")) {
            try record("宣传", budget: budget)
        }
        #expect {
            try record(budget: .initial)
        } throws: { error in
            (error as? DomainError)?.english.contains("budget set 安全生产 --year 2017") == true
        }
    }

    @Test("An expense of nothing, or dated after today, is refused")
    func refusedExpenses() {
        let budget = Budget(year: 2017, lines: ["安全生产": yuan("80000")])
        #expect(throws: DomainError.self) { try record(amount: "0", budget: budget) }
        #expect(throws: DomainError.self) {
            try Expense.record(
                Expense.RecordCommand(code: "E-1", line: "安全生产", on: date("2017-06-02"), amount: yuan("1")),
                budget: budget, today: date("2017-06-01"))
        }
    }

    @Test("Targets default to 100 % and take the latest setting; percent outside 0–100 is refused")
    func targets() throws {
        let events = try Targets.set(.drillsOnTime, year: 2017, percent: 95, state: .initial)
        #expect(events == [.targetSet(TargetSet(indicator: .drillsOnTime, year: 2017, percent: 95))])
        let targets = Targets.fold(events)
        #expect(targets.percent(.drillsOnTime) == 95 && targets.percent(.hazardsClosed) == 100)
        #expect(throws: DomainError.self) { try Targets.set(.campaignsKept, year: 2017, percent: 101, state: .initial) }
        #expect(throws: DomainError.self) { try Targets.set(.campaignsKept, year: 2017, percent: -1, state: .initial) }
    }
}
