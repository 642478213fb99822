import Planner

/// The table of `rules` and `rules for`: each rule, and which levels of plan it decides.
enum RuleTable {
    static func output(_ rules: [Rule], decided: [(PlanLevel, String)]) -> Output {
        .table(
            [
                Column("rule", L("rule", "规则")), Column("obligation", L("obligation", "义务")),
                Column("cadence", L("cadence", "频次")), Column("applies_to", L("applies to", "适用对象")),
                Column("in_force", L("in force", "施行")), Column("source", L("source", "依据")),
                Column("status", L("status", "核实")), Column("decides", L("decides drills of", "决定演练周期")),
                Column("campaign", L("kept by a campaign", "对应的宣传活动定义")),
            ],
            rules.map { rule in
                [
                    .text(rule.id), .text(rule.summary), .text(rule.cadenceText), .text(rule.scopeText),
                    .date(rule.inForce), .text(rule.source), .text(rule.status.rawValue),
                    .list(decided.filter { $0.1 == rule.id }.map { .text($0.0.rawValue) }),
                    rule.campaign.map { .text($0.flags) } ?? .null,
                ]
            })
    }
}
