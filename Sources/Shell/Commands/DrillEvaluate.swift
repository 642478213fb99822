import Planner
import PlannerStore

/// `drill evaluate`: evaluate a drill that was held (演练评估); each --action raises a finding to follow up
struct DrillEvaluate: Command {
    static let configuration = CommandSpec(
        path: ["drill", "evaluate"], group: .plansAndDrills,
        syntax:
            "D-n --rating good|adequate|poor [--report TEXT] [--on DATE] [--action TEXT …] [--action-within DURATION]",
        summary: L(
            "Evaluate a drill that was held (演练评估); each --action raises a finding to follow up",
            "评估已举行的演练；每个 --action 生成一条需要整改的隐患"),
        details: L(
            "--on is the evaluation date (default today). Each --action is a corrective action: it becomes a finding F-n linked to the drill, due --action-within after the evaluation (default 30d).",
            "--on 为评估日期（默认今天）。每个 --action 是一项整改措施，生成与该演练关联的隐患 F-n，期限为评估后 --action-within（默认 30d）。"),
        example: "drill evaluate D-1 --rating poor --report 疏散用时过长 --action \"清理三楼疏散通道\" --action-within 10wd",
        roles: [.supervisor]
    )

    @Positional(code: Drill.self) var code: String
    @Flag("rating", "RATING") var rating: DrillRating
    @Flag("report", "TEXT") var report: String?
    @Flag("on", "DATE") var date: LocalDate?
    @Flags("action", "TEXT") var actions: [String]
    @Flag("action-within", "DURATION") var within: Interval = Interval(30, .days)

    func run(in session: Session) throws -> Output {
        let raised = try session.write { store in
            let on = date ?? session.today
            let findings = try actions.map { _ in try store.nextCode("F") }
            var unit = ""
            try session.apply(
                Drill.self, code, existing: true
            ) { drill in
                unit = try session.load(Plan.self, drill.plan).unit
                return try Drill.evaluate(
                    rating: rating, report: report, on: on, findings: findings, today: session.today,
                    state: drill)
            }
            let calendar = try store.holidayCalendar(years: (on.year - 1)...(on.year + 1))
            for (finding, action) in zip(findings, actions) {
                let command = Finding.AddCommand(
                    code: finding, text: action, severity: .general, deadline: .within(within))
                try session.apply(Finding.self, finding) { _ in
                    try Finding.raise(command, drill: code, unit: unit, on: on, calendar: calendar)
                }
            }
            return findings
        }
        let list = raised.joined(separator: ", ")
        return .object(
            [("code", .text(code)), ("findings", .list(raised.map(Value.text)))],
            message: raised.isEmpty
                ? L("evaluated \(code): \(rating.rawValue)", "已评估 \(code)：\(rating.rawValue)")
                : L(
                    "evaluated \(code): \(rating.rawValue); raised \(list)",
                    "已评估 \(code)：\(rating.rawValue)；生成隐患 \(list)"))
    }
}
