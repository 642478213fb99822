import Planner

/// `rules`: the legal cadences Vigil knows, with their sources; 'rules for UNIT' explains a unit's
struct Rules: Command {
    static let configuration = CommandSpec(
        path: ["rules"], aliases: [["规则"]], group: .reports, syntax: "[for UNIT]",
        summary: L(
            "The legal cadences Vigil knows, with their sources; 'rules for UNIT' explains a unit's",
            "Vigil 掌握的法定频次及其依据；rules for 单位 说明适用于该单位的规则"),
        details: L(
            "Status: LAW read in the law, FOUND in an official reply or a page quoting it, MEMORY not yet confirmed, LOCAL from the office's own rule file (VIGIL_RULES=rules.json). Where several rules apply, the strictest in force wins. A publicity rule shows the campaign that keeps it: campaign define NAME followed by those flags (the fixed days: 119 全国消防日, 安全生产月, 全国防灾减灾日, …).",
            "核实：LAW 法律原文，FOUND 官方答复或引用原文的页面，MEMORY 尚未核实，LOCAL 来自本单位规则文件（VIGIL_RULES=rules.json）。多条规则同时适用时，取现行最严格者。宣传类规则给出对应的宣传活动定义：campaign define 名称 加上这些参数（固定宣传日：119 全国消防日、安全生产月、全国防灾减灾日等）。"
        ),
        example: "rules for \"江岸化工储运站\"", streets: .national
    )

    func run(in session: Session) throws -> Output {
        return RuleTable.output(session.catalogue.rules, decided: [])
    }
}
