import Planner

/// `rules for`: which rules apply to a unit, and which one decides each level of plan
struct RulesFor: Command {
    static let configuration = CommandSpec(
        path: ["rules", "for"], group: .reports, syntax: "UNIT",
        summary: L(
            "Which rules apply to a unit, and which one decides each level of plan", "适用于某单位的规则，以及决定各级预案演练周期的规则"),
        example: "rules for \"江岸化工储运站\""
    )

    @Positional("UNIT") var name: String

    func run(in session: Session) throws -> Output {
        let unit = try session.existing(Unit.self, name)
        let rules = session.catalogue.rules(kind: unit.kind, keyFireUnit: unit.keyFireUnit, on: session.today)
        let decided = PlanLevel.allCases.compactMap { level in
            session.catalogue.drillCadence(
                kind: unit.kind, keyFireUnit: unit.keyFireUnit, level: level, on: session.today
            )
            .map { (level, $0.id) }
        }
        return RuleTable.output(rules, decided: decided)
    }
}
