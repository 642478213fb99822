import Planner
import PlannerStore

/// `drills overdue`: plans whose next drill is past due, as of today
struct DrillsOverdue: Command, DistrictRollUp {
    static let configuration = CommandSpec(
        path: ["drills", "overdue"], aliases: [["演练", "逾期"]], group: .reports, syntax: "[--community C] [--district D]",
        summary: L("Plans whose next drill is past due, as of today", "截至今天演练已逾期的预案"),
        details: L(
            "Due = the last drill held on or before today (or the plan's start) plus the plan's cadence.",
            "应演练日期 = 今天及以前最后一次演练日期（无则为预案生效日期）加上演练周期。"),
        example: "drills overdue --community 江岸社区"
    )

    @Flag("community", "C") var community: String?
    /// Every street of a district, with a street column.
    @Flag("district", "D") var district: String?

    static var rollUp: RollUp { .oneQuery }

    func run(in session: Session) throws -> Output {
        let rows = try session.store.drillObligations(session.asOf, community: community, overdueOnly: true)
        return DrillTables.obligations(
            rows, daysKey: "days_overdue", daysHeader: L("days overdue", "逾期天数"),
            street: session.streetColumn(\.street))
    }
}
