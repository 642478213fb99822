import Planner

/// `expense retract`: retract an expense recorded in error, with the reason (it is kept, never deleted)
struct ExpenseRetract: Command {
    static let configuration = CommandSpec(
        path: ["expense", "retract"], group: .budget, syntax: "E-n --reason TEXT",
        summary: L(
            "Retract an expense recorded in error, with the reason (it is kept, never deleted)",
            "撤回一笔误登记的支出并说明原因（记录保留，不会删除）"),
        details: L(
            "The retraction is a new record: history shows the expense and its retraction, and budget list asked with set recorded-as-of before the retraction still counts it.",
            "撤回是一条新记录：history 同时显示支出和撤回；用 set recorded-as-of 查询撤回之前的时点，budget list 仍计入这笔支出。"),
        example: "expense retract E-3 --reason 重复登记",
        roles: [.supervisor]
    )

    @Positional(code: Expense.self) var code: String
    @Flag("reason", "TEXT") var reason: String

    func run(in session: Session) throws -> Output {
        try session.change(Expense.self, code, done: L("retracted \(code)", "已撤回 \(code)")) {
            try Expense.retract(reason: reason, state: $0)
        }
    }
}
