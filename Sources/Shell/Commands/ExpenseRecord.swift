import Planner
import PlannerStore

/// `expense record`: record money spent on a budget line
struct ExpenseRecord: Command {
    static let configuration = CommandSpec(
        path: ["expense", "record"], aliases: [["支出", "登记"]], group: .budget,
        syntax: "LINE --on DATE --amount YUAN [--note TEXT]",
        summary: L("Record money spent on a budget line", "登记某预算科目的支出"),
        details: L(
            "The line must have a budget in the year of --on (see: budget set).",
            "该科目在 --on 所在年份须已设预算（参见：budget set）。"),
        example: "expense record 安全生产 --on 2017-03-15 --amount 12345.67 --note 灭火器更换",
        roles: [.supervisor]
    )

    @Positional("LINE") var line: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("amount", "YUAN", as: .yuan) var amount: Yuan
    @Flag("note", "TEXT") var note: String?

    func run(in session: Session) throws -> Output {
        let code = try session.write { store in
            let budget = try store.load(Budget.self, stream: PlannerStore.Stream.budget(date.year)).state
            let code = try store.nextCode("E")
            let command = Expense.RecordCommand(code: code, line: line, on: date, amount: amount, note: note)
            try session.apply(Expense.self, stream: PlannerStore.Stream.expense(code)) { _ in
                try Expense.record(command, budget: budget, today: session.today)
            }
            return code
        }
        return .created(
            code,
            L(
                "recorded \(code): \(amount.formatted) yuan on \(line)",
                "已登记支出 \(code)：\(line) \(amount.formatted) 元"))
    }
}
