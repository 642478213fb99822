import Planner
import PlannerStore

/// `drills list`: list drills, scheduled and held
struct DrillsList: Command {
    static let configuration = CommandSpec(
        path: ["drills", "list"], aliases: [["演练", "列表"]], group: .reports,
        syntax: "[--plan P-n] [--from DATE] [--to DATE] [--community C]",
        summary: L("List drills, scheduled and held", "列出演练（安排与举行）"),
        example: "drills list --plan P-1 --from 2017-01-01 --to 2017-06-30"
    )

    @Flag("plan", "P-n", as: .code(Plan.self)) var plan: String?
    @Flag("from", "DATE") var from: LocalDate?
    @Flag("to", "DATE") var to: LocalDate?
    @Flag("community", "C") var community: String?

    func run(in session: Session) throws -> Output {
        DrillTables.drills(
            try session.store.drillList(session.asOf, plan: plan, from: from, to: to, community: community))
    }
}
