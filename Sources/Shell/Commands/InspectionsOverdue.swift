import Planner
import PlannerStore

/// `inspections overdue`: units whose next fire inspection is past due, as of today
struct InspectionsOverdue: Command {
    static let configuration = CommandSpec(
        path: ["inspections", "overdue"], aliases: [["检查", "逾期"]], group: .reports, syntax: "[--community C]",
        summary: L("Units whose next fire inspection is past due, as of today", "截至今天防火检查已逾期的单位"),
        details: InspectionTables.semantics,
        example: "inspections overdue --community 江岸社区"
    )

    @Flag("community", "C") var community: String?

    func run(in session: Session) throws -> Output {
        let rows = try session.store.inspectionObligations(
            session.asOf, catalogue: session.catalogue, timeZone: session.timeZone, community: community
        ).filter(\.isOverdue)
        return InspectionTables.obligations(rows, daysKey: "days_overdue", daysHeader: L("days overdue", "逾期天数"))
    }
}
