import Planner
import PlannerStore

/// `target set`: set an annual target other than 100 % for a rate of the annual report
struct TargetSetCommand: Command {
    static let configuration = CommandSpec(
        path: ["target", "set"], aliases: [["目标", "设置"]], group: .budget,
        syntax: "INDICATOR --year Y --percent N",
        summary: L(
            "Set an annual target other than 100 % for a rate of the annual report", "为年度自评的某项指标设置非 100% 的目标"),
        details: L(
            "INDICATOR: \(Indicator.allCases.map(\.rawValue).joined(separator: " ")).\nEach rate's target is 100 % unless set here.",
            "指标：\(Indicator.allCases.map(\.rawValue).joined(separator: " "))。\n未设置的指标目标为 100%。"),
        example: "target set drills-on-time --year 2017 --percent 95",
        roles: [.supervisor]
    )

    @Positional("INDICATOR", as: .choice) var indicator: Indicator
    @Flag("year", "Y", as: .year) var year: Int
    @Flag("percent", "N", as: .percent) var percent: Int

    func run(in session: Session) throws -> Output {
        try session.write { _ in
            try session.apply(Targets.self, stream: PlannerStore.Stream.target(year)) { state in
                try Targets.set(indicator, year: year, percent: percent, state: state)
            }
        }
        return .object(
            [("indicator", .word(indicator)), ("year", .int(year)), ("percent", .int(percent))],
            message: L(
                "set the \(year) target of \(indicator.label.en) to \(percent) %",
                "已将 \(year) 年\(indicator.label.zh)目标设为 \(percent)%"))
    }
}
