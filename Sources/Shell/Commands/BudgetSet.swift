import Planner
import PlannerStore

/// `budget set`: set a budget line's amount for a year
struct BudgetSetCommand: Command {
    static let configuration = CommandSpec(
        path: ["budget", "set"], aliases: [["预算", "设置"]], group: .budget, syntax: "LINE --year Y --amount YUAN",
        summary: L("Set a budget line's amount for a year", "设置某年一个预算科目的金额"),
        details: L(
            "Setting a line again replaces its amount; the history keeps both.\nAmounts are yuan with at most two decimals (80000, 12345.67).",
            "再次设置同一科目会替换其金额，历史记录两者都保留。\n金额以元计，最多两位小数（80000、12345.67）。"),
        example: "budget set 安全生产 --year 2017 --amount 80000",
        roles: [.supervisor]
    )

    @Positional("LINE") var line: String
    @Flag("year", "Y", as: .year) var year: Int
    @Flag("amount", "YUAN", as: .yuan) var amount: Yuan

    func run(in session: Session) throws -> Output {
        try session.write { _ in
            try session.apply(Budget.self, stream: PlannerStore.Stream.budget(year)) { state in
                try Budget.set(line: line, year: year, amount: amount, state: state)
            }
        }
        return .object(
            [("line", .text(line)), ("year", .int(year)), ("amount", .amount(amount))],
            message: L(
                "set the \(year) budget of \(line) to \(amount.formatted) yuan",
                "已将 \(year) 年 \(line) 预算设为 \(amount.formatted) 元"))
    }
}
