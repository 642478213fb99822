import PlannerStore

/// `drills missed`: scheduled drills whose date has passed, neither recorded nor cancelled
struct DrillsMissed: Command, DistrictRollUp {
    static let configuration = CommandSpec(
        path: ["drills", "missed"], group: .reports, syntax: "[--community C] [--district D]",
        summary: L("Scheduled drills whose date has passed, neither recorded nor cancelled", "已过期但未登记也未取消的演练安排"),
        example: "drills missed"
    )

    @Flag("community", "C") var community: String?
    /// Every street of a district, with a street column.
    @Flag("district", "D") var district: String?

    func run(in session: Session) throws -> Output {
        return DrillTables.drills(try session.store.missedDrills(session.asOf, community: community))
    }
}
