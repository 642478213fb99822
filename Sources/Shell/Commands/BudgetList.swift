import Planner
import PlannerStore

/// `budget list`: a year's budget lines against what was spent
struct BudgetList: Command {
    static let configuration = CommandSpec(
        path: ["budget", "list"], aliases: [["预算", "列表"]], group: .budget, syntax: "[--year Y]",
        summary: L(
            "A year's budget lines against what was spent, over-spending flagged", "某年各预算科目的预算、支出与结余，标出超支"),
        details: L(
            "The year defaults to today's; spending counts up to today. The last row is the total.",
            "年份默认为今天所在年份；支出计至今天。最后一行为合计。"),
        example: "budget list --year 2017"
    )

    @Flag("year", "Y", as: .year) var year: Int?

    func run(in session: Session) throws -> Output {
        let lines = try session.store.budgetLines(session.asOf, year: year ?? session.today.year)
        let total = BudgetLine.total(lines, line: "total")
        let rows = lines.map { Self.row(.text($0.line), $0) } + (lines.isEmpty ? [] : [Self.row(Self.total, total)])
        return .table(
            [
                Column("line", L("line", "科目")), Column("budget", L("budget", "预算")),
                Column("spent", L("spent", "支出")), Column("remaining", L("remaining", "结余")),
                Column("over_spent", L("over-spent", "超支")),
            ],
            rows)
    }

    /// The total row's label: `total` in JSON, 合计 in Chinese tables.
    static let total = Value.word("total", L("total", "合计"))

    static func row(_ label: Value, _ line: BudgetLine) -> [Value] {
        [
            label, .amount(line.budget), .amount(line.spent), .amount(line.remaining),
            .flag(line.overSpent, L("over", "超支")),
        ]
    }
}
