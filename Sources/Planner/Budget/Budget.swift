/// A year's budget (预算): the amount set for each line. A line can be set again; the latest
/// setting counts, and the log keeps every one.
public struct Budget: Aggregate, Equatable {
    public var year: Int?
    public var lines: [String: Yuan] = [:]

    public static let initial = Budget(year: nil)

    public init(year: Int?, lines: [String: Yuan] = [:]) {
        (self.year, self.lines) = (year, lines)
    }

    public var exists: Bool { year != nil }

    public func evolve(_ event: Event) -> Budget {
        guard case .budgetSet(let e) = event else { return self }
        var next = self
        next.year = e.year
        next.lines[e.line] = e.amount
        return next
    }

    /// The years a budget may be set for: those a date may have.
    public static let years = 1900...2999

    static func checkYear(_ year: Int) throws {
        guard years.contains(year) else {
            throw DomainError(
                "--year \(year) is not a year; give \(years.lowerBound) to \(years.upperBound)",
                "--year \(year) 不是年份；应为 \(years.lowerBound) 到 \(years.upperBound)")
        }
    }

    /// `budget set LINE --year Y --amount YUAN`
    public static func set(line: String, year: Int, amount: Yuan, state: Budget) throws -> [Event] {
        try DomainError.checkName(line, "budget line", "预算科目")
        guard !line.isEmpty else { throw DomainError("a budget line needs a name", "预算科目需要名称") }
        try checkYear(year)
        guard amount >= .zero else {
            throw DomainError("a budget cannot be negative", "预算金额不能为负数")
        }
        return [.budgetSet(BudgetSet(line: line, year: year, amount: amount))]
    }
}

/// Money spent on a budget line (支出), numbered `E-n`.
public struct Expense: Aggregate, Equatable {
    public var code: String?
    /// Retracted (`expense retract`): kept in the log, counted no more.
    public var retracted = false

    public static let initial = Expense(code: nil)

    public var exists: Bool { code != nil }

    public func evolve(_ event: Event) -> Expense {
        switch event {
        case .expenseRecorded(let e): return Expense(code: e.code)
        case .expenseRetracted: return Expense(code: code, retracted: true)
        default: return self
        }
    }

    /// `expense retract E-n --reason TEXT`: an expense recorded in error stops counting; it is
    /// retracted once.
    public static func retract(reason: String, state: Expense) throws -> [Event] {
        guard let code = state.code else { throw DomainError("no such expense", "没有这笔支出") }
        guard !state.retracted else { throw DomainError("\(code) was already retracted", "\(code) 已撤回") }
        guard !reason.isEmpty else { throw DomainError("a retraction needs a reason", "撤回需要说明原因") }
        return [.expenseRetracted(ExpenseRetracted(reason: reason))]
    }

    /// What `expense record` records: the event itself, once the checks below pass.
    public typealias RecordCommand = ExpenseRecorded

    /// `expense record LINE --on DATE --amount YUAN [--note TEXT]`: the line must have a
    /// budget in the year the money was spent.
    public static func record(_ command: RecordCommand, budget: Budget, today: LocalDate) throws -> [Event] {
        let year = command.on.year
        guard budget.lines[command.line] != nil else {
            let known = budget.lines.keys.sorted()
            throw DomainError(
                "no budget line \(command.line) in \(year)"
                    + (known.isEmpty
                        ? "; set it first with budget set \(command.line) --year \(year) --amount YUAN"
                        : " (lines: \(known.joined(separator: ", ")))"),
                "\(year) 年没有预算科目 \(command.line)"
                    + (known.isEmpty
                        ? "；请先用 budget set \(command.line) --year \(year) --amount 金额 设置"
                        : "（科目：\(known.joined(separator: "、"))）"))
        }
        guard command.amount > .zero else {
            throw DomainError("an expense must be more than 0 yuan", "支出金额必须大于 0 元")
        }
        guard command.on <= today else {
            throw DomainError.future("the expense", "支出", command.on, today: today)
        }
        return [.expenseRecorded(command)]
    }
}
