import Planner
import PlannerStore

/// `import plans`: add the emergency plans of a spreadsheet, all or nothing
struct ImportPlans: Command {
    static let configuration = CommandSpec(
        path: ["import", "plans"], aliases: [["导入", "预案"]], group: .plansAndDrills, syntax: "FILE.csv [--check]",
        summary: L(
            "Add the emergency plans of a spreadsheet (CSV), all or nothing; --check only lists the bad rows",
            "从表格（CSV）批量添加应急预案，全部成功才写入；--check 只列出有误的行"),
        details: L(
            "Columns, in any order: name, unit, level, hazard, every, from (as the flags of plan add) — or 名称, 单位, 级别, 风险, 周期, 起始日期.\nhazard, every and from may be empty: the cadence then comes from the rule catalogue, the start is today.\nA unit may be one the same import of units added, or one added earlier. One bad row and nothing is written.",
            "列（顺序不限）：名称、单位、级别、风险、周期、起始日期（与 plan add 的选项相同）——或 name, unit, level, hazard, every, from。\n风险、周期、起始日期可以为空：周期取自规则库，起始日期为今天。\n有一行有误就不写入任何内容。"
        ),
        example: "import plans plans.csv", roles: [.supervisor]
    )

    @Positional("FILE.csv") var path: String
    @Switch("check") var check: Bool

    func run(in session: Session) throws -> Output {
        let plan = try ImportPlan(path, in: session, unique: PlanColumn.name, uniqueWhat: L("plan", "预案")) {
            row, sheet throws(ShellError) in try PlanRow(row, of: sheet)
        }
        // Many plans name the same unit; a plans import adds no units, so one read each.
        var units: [String: Unit] = [:]
        return try session.run(plan, checkOnly: check, what: L("plans", "个预案")) { row in
            let unit = try units[row.unit] ?? session.load(Unit.self, row.unit)
            units[row.unit] = unit
            let code = try session.store.nextCode("P")
            let command = Plan.AddCommand(
                code: code, name: row.name, unitName: row.unit, level: row.level, hazard: row.hazard,
                every: row.every, from: row.from ?? session.today)
            try session.apply(Plan.self, code) { _ in
                try Plan.add(command, unit: unit, catalogue: session.catalogue)
            }
        }
    }
}
