import Planner
import PlannerStore

/// `drills list`: list drills, scheduled and held
struct DrillsList: Command {
    static let spec = CommandSpec(
        path: ["drills", "list"], aliases: [["演练", "列表"]], group: .reports,
        syntax: "[--plan P-n] [--from DATE] [--to DATE] [--community C]",
        summary: L("List drills, scheduled and held", "列出演练（安排与举行）"),
        example: "drills list --plan P-1 --from 2017-01-01 --to 2017-06-30",
        flags: [
            FlagSpec("plan", "P-n"), FlagSpec("from", "DATE"), FlagSpec("to", "DATE"), FlagSpec("community", "C"),
        ]
    )

    let plan: String?
    let from: LocalDate?
    let to: LocalDate?
    let community: String?

    init(_ args: Arguments) throws(ShellError) {
        plan = try args.code("plan", Plan.self)
        from = try args.date("from")
        to = try args.date("to")
        community = args.string("community")
    }

    func run(in session: Session) throws -> Output {
        DrillTables.drills(
            try session.store.drillList(session.asOf, plan: plan, from: from, to: to, community: community))
    }
}
