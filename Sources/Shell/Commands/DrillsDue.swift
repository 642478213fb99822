import Planner
import PlannerStore

/// `drills due`: plans whose next drill falls due soon (default within 30 days)
struct DrillsDue: Command, DistrictRollUp {
    static let configuration = CommandSpec(
        path: ["drills", "due"], group: .reports, syntax: "[--within DURATION] [--community C] [--district D]",
        summary: L("Plans whose next drill falls due soon (default within 30 days)", "即将到期的演练（默认 30 天内）"),
        example: "drills due --within 2w"
    )

    @Flag("within", "DURATION") var within: Interval = Interval(30, .days)
    @Flag("community", "C") var community: String?
    /// Every street of a district, with a street column.
    @Flag("district", "D") var district: String?

    func run(in session: Session) throws -> Output {
        let limit = try session.date(within, after: session.today)
        let rows = try session.store.drillObligations(session.asOf, community: community)
            .filter { $0.obligation.isDue(by: limit) }
            .sorted { ($0.obligation.due, $0.plan) < ($1.obligation.due, $1.plan) }
        return DrillTables.obligations(rows, daysKey: "days_left", daysHeader: L("days left", "剩余天数"), negate: true)
    }
}
