import Planner

/// `import units`: add the units of a spreadsheet, all or nothing
struct ImportUnits: Command {
    static let configuration = CommandSpec(
        path: ["import", "units"], aliases: [["导入", "单位"]], group: .organisation, syntax: "FILE.csv [--check]",
        summary: L(
            "Add the units of a spreadsheet (CSV), all or nothing; --check only lists the bad rows",
            "从表格（CSV）批量添加单位，全部成功才写入；--check 只列出有误的行"),
        details: L(
            "Columns, in any order: name, community, kind, key_fire_unit (yes/no) — or 名称, 社区, 类型, 重点单位 (是/否).\nUTF-8 with or without BOM, or GB18030. Every row is checked as unit add checks it; one bad row and nothing is written.",
            "列（顺序不限）：名称、社区、类型、重点单位（是/否）——或 name, community, kind, key_fire_unit (yes/no)。\n编码：UTF-8（带或不带 BOM）或 GB18030。每一行按 unit add 的规则检查；有一行有误就不写入任何内容。"
        ),
        example: "import units units.csv --check", roles: [.supervisor]
    )

    @Positional("FILE.csv") var path: String
    @Switch("check") var check: Bool

    func run(in session: Session) throws -> Output {
        let plan = try ImportPlan(path, in: session, unique: UnitColumn.name, uniqueWhat: L("unit", "单位")) {
            row, sheet throws(ShellError) in try UnitRow(row, of: sheet)
        }
        return try session.run(plan, checkOnly: check, what: L("units", "个单位")) { row in
            let community = try session.load(Community.self, row.community)
            try session.apply(Unit.self, row.name) {
                try Unit.add(
                    name: row.name, community: community, communityName: row.community, kind: row.kind,
                    keyFireUnit: row.keyFireUnit, state: $0)
            }
        }
    }
}
