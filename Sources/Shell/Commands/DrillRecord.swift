import Planner
import PlannerStore

/// `drill record`: record a drill as held: a scheduled one (D-n), or one held without a schedule (P-n)
struct DrillRecord: Command {
    static let spec = CommandSpec(
        path: ["drill", "record"], aliases: [["演练", "登记"]], group: .plansAndDrills,
        syntax: "D-n|P-n --on DATE [--participants N] [--evacuation DURATION] [--note TEXT] [--photo FILE]...",
        summary: L(
            "Record a drill as held: a scheduled one (D-n), or one held without a schedule (P-n)",
            "登记演练已举行：已安排的（D-n），或未经安排直接举行的（P-n）"),
        details: L(
            "--evacuation is the evacuation time, in seconds (210s) or minutes (4m). --photo attaches a JPEG, PNG or PDF (at most 20 MB), e.g. the drill's photos or evaluation document; repeat it for several.",
            "--evacuation 为疏散用时，如 210s 或 4m。--photo 附上 JPEG、PNG 或 PDF 文件（不超过 20 MB），如演练照片或评估报告；可重复使用。"),
        example: "drill record D-1 --on 2017-01-06 --participants 809 --evacuation 210s",
        positionals: ["D-n|P-n"],
        flags: [
            FlagSpec("on", "DATE", required: true), FlagSpec("participants", "N"),
            FlagSpec("evacuation", "DURATION"), FlagSpec("note", "TEXT"), FlagSpec("photo", "FILE"),
        ],
        roles: [.supervisor]
    )

    let target: String
    let isDrill: Bool
    let code: String
    let date: LocalDate
    let participants: Int?
    let evacuation: Int?
    let note: String?
    let photoPaths: [String]

    init(_ args: Arguments) throws(ShellError) {
        target = args.positional(0)
        guard target.hasPrefix("D-") || target.hasPrefix("P-") else {
            throw ShellError(
                L(
                    "\"\(target)\" is neither a drill (D-n) nor a plan (P-n)",
                    "\"\(target)\" 既不是演练编号（D-n）也不是预案编号（P-n）"))
        }
        isDrill = target.hasPrefix("D-")
        code = isDrill ? try args.code(Drill.self) : try args.code(Plan.self)
        date = try args.requiredDate("on")
        participants = try args.count("participants")
        evacuation = try args.string("evacuation").map { text throws(ShellError) in
            try Seconds.parse(text, flag: "--evacuation")
        }
        note = args.string("note")
        photoPaths = args.strings("photo")
    }

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
