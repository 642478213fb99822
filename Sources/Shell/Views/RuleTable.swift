import Planner

/// The table of `rules` and `rules for`: each rule, and which levels of plan it decides.
enum RuleTable {
    static func output(_ rules: [Rule], decided: [(PlanLevel, String)]) -> Output {
        .table(
            rules,
            [
                Field("rule", L("rule", "规则")) { .text($0.id) },
                Field("obligation", L("obligation", "义务")) { .text($0.summary) },
                Field("cadence", L("cadence", "频次")) { .text($0.cadenceText) },
                Field("applies_to", L("applies to", "适用对象")) { .text($0.scopeText) },
                Field("in_force", L("in force", "施行")) { .date($0.inForce) },
                Field("source", L("source", "依据")) { .text($0.source) },
                Field("status", L("status", "核实")) { .text($0.status.rawValue) },
                Field("decides", L("decides drills of", "决定演练周期")) { rule in
                    .list(decided.filter { $0.1 == rule.id }.map { .text($0.0.rawValue) })
                },
                Field("campaign", L("kept by a campaign", "对应的宣传活动定义")) {
                    $0.campaign.map { .text($0.flags) } ?? .null
                },
            ])
    }
}
