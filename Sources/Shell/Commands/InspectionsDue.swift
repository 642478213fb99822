import Planner
import PlannerStore

/// `inspections due`: units whose next fire inspection falls due soon (default within 30 days)
struct InspectionsDue: Command {
    static let configuration = CommandSpec(
        path: ["inspections", "due"], group: .reports, syntax: "[--within DURATION] [--community C]",
        summary: L(
            "Units whose next fire inspection falls due soon (default within 30 days)", "即将到期的防火检查（默认 30 天内）"),
        details: InspectionTables.semantics,
        example: "inspections due --within 2w"
    )

    @Flag("within", "DURATION") var within: Interval = Interval(30, .days)
    @Flag("community", "C") var community: String?

    func run(in session: Session) throws -> Output {
        let limit = try session.date(within, after: session.today)
        let rows = try session.store.inspectionObligations(
            session.asOf, catalogue: session.catalogue, timeZone: session.timeZone, community: community
        ).filter { $0.isDue(by: limit) }.sorted { ($0.due, $0.unit) < ($1.due, $1.unit) }
        return InspectionTables.obligations(
            rows, daysKey: "days_left", daysHeader: L("days left", "剩余天数"), negate: true)
    }
}
