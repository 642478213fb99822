import Planner
import PlannerStore

/// `compliance summary`: every campaign × community with its rate, as of today
struct ComplianceSummary: Command, DistrictRollUp {
    static let configuration = CommandSpec(
        path: ["compliance", "summary"], aliases: [["合规", "汇总"]], group: .reports, syntax: "[--year Y] [--district D]",
        summary: L("Every campaign × community with its rate, as of today", "截至今天每项宣传活动、每个社区的完成率"),
        example: "compliance summary --year 2017"
    )

    @Flag("year", "Y", as: .year) var year: Int?
    /// Every street of a district, with a street column.
    @Flag("district", "D") var district: String?

    static var rollUp: RollUp { .oneQuery }

    func run(in session: Session) throws -> Output {
        let selection = PeriodSelection.year(year ?? session.today.year)
        let rows = try session.store.compliance(session.store.campaigns(), selection: selection, asOf: session.asOf)
        let street = session.streetColumn(\ComplianceRow.street)
        return .table(
            street.map(\.column) + [Column("campaign", L("campaign", "宣传活动"))] + Compliance.columns(detail: false),
            rows.map { row in
                street.map { $0.cell(row) } + [.text(row.campaign)] + Compliance.values(row, detail: false)
            })
    }
}
