import Planner
import PlannerStore

/// `drill record`: record a drill as held: a scheduled one (D-n), or one held without a schedule (P-n)
struct DrillRecord: Command {
    static let configuration = CommandSpec(
        path: ["drill", "record"], aliases: [["演练", "登记"]], group: .plansAndDrills,
        syntax: "D-n|P-n --on DATE [--participants N] [--evacuation DURATION] [--note TEXT] [--photo FILE]...",
        summary: L(
            "Record a drill as held: a scheduled one (D-n), or one held without a schedule (P-n)",
            "登记演练已举行：已安排的（D-n），或未经安排直接举行的（P-n）"),
        details: L(
            "--evacuation is the evacuation time, in seconds (210s) or minutes (4m). --photo attaches a JPEG, PNG or PDF (at most 20 MB), e.g. the drill's photos or evaluation document; repeat it for several.",
            "--evacuation 为疏散用时，如 210s 或 4m。--photo 附上 JPEG、PNG 或 PDF 文件（不超过 20 MB），如演练照片或评估报告；可重复使用。"),
        example: "drill record D-1 --on 2017-01-06 --participants 809 --evacuation 210s",
        roles: [.supervisor]
    )

    /// The drill held (D-n), or the plan whose drill was held without a schedule (P-n).
    @Positional("D-n|P-n", as: .drillOrPlan) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("participants", "N", as: .count) var participants: Int?
    @Flag("evacuation", "DURATION", as: .seconds) var evacuation: Int?
    @Flag("note", "TEXT") var note: String?
    @Flags("photo", "FILE") var photoPaths: [String]

    var isDrill: Bool { code.hasPrefix("D-") }

    func run(in session: Session) throws -> Output {
        let drillCode = try session.write { store in
            let photos = try session.attach(photoPaths)
            if isDrill {
                try session.apply(
                    Drill.self, code, existing: true,
                    photos: photos
                ) { drill in
                    try Drill.record(
                        code: code, on: date, participants: participants, evacuationSeconds: evacuation,
                        note: note, context: try session.drillContext(plan: drill.plan), state: drill)
                }
                return code
            }
            let context = try session.drillContext(plan: code)
            let newCode = try store.nextCode("D")
            try session.apply(Drill.self, newCode, photos: photos) {
                try Drill.record(
                    code: newCode, on: date, participants: participants, evacuationSeconds: evacuation,
                    note: note, context: context, state: $0)
            }
            return newCode
        }
        return .created(
            drillCode, L("recorded \(drillCode) as held on \(date)", "已登记演练 \(drillCode)，举行日期 \(date)"))
    }
}
