import Planner
import PlannerStore

/// `finding add`: record a hazard (隐患) found in an inspection, with its rectification deadline
struct FindingAdd: Command {
    static let configuration = CommandSpec(
        path: ["finding", "add"], aliases: [["隐患", "登记"]], group: .inspections,
        syntax:
            "I-n TEXT --severity general|major (--due DATE | --within DURATION) [--responsible NAME] [--photo FILE]...",
        summary: L(
            "Record a hazard (隐患) found in an inspection, with its rectification deadline", "登记检查发现的隐患及整改期限"),
        details: L(
            "--within counts from the inspection date: 7d calendar days, 5wd working days (weekends and statutory holidays skipped, make-up days counted). The deadline is fixed when recorded.",
            "--within 从检查日期起算：7d 为自然日，5wd 为工作日（跳过周末和法定假日，调休上班日计入）。期限在登记时即确定。"),
        example: "finding add I-1 \"安全出口堵塞\" --severity general --within 5wd",
        roles: [.inspector]
    )

    @Positional(code: Inspection.self) var inspection: String
    @Positional("TEXT") var text: String
    @Flag("severity", "SEVERITY") var severity: Severity
    @FlagGroup(.deadline(command: "finding add")) var deadline: Finding.Deadline
    @Flag("responsible", "NAME") var responsible: String?
    @Flags("photo", "FILE") var photoPaths: [String]

    func run(in session: Session) throws -> Output {
        let code = try session.write { store in
            let state = try session.existing(Inspection.self, inspection)
            let calendar = try store.holidayCalendar(years: (state.on.year - 1)...(state.on.year + 1))
            let photos = try session.attach(photoPaths)
            let code = try store.nextCode("F")
            let command = Finding.AddCommand(
                code: code, text: text, severity: severity, deadline: deadline, responsible: responsible)
            try session.apply(Finding.self, code, photos: photos) { _ in
                try Finding.add(command, inspection: state, calendar: calendar)
            }
            return code
        }
        return .created(code, L("recorded finding \(code)", "已登记隐患 \(code)"))
    }
}
