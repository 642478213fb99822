import PlannerStore

/// `drills missed`: scheduled drills whose date has passed, neither recorded nor cancelled
struct DrillsMissed: Command {
    static let configuration = CommandSpec(
        path: ["drills", "missed"], group: .reports, syntax: "[--community C]",
        summary: L("Scheduled drills whose date has passed, neither recorded nor cancelled", "已过期但未登记也未取消的演练安排"),
        example: "drills missed"
    )

    @Flag("community", "C") var community: String?

    func run(in session: Session) throws -> Output {
        return DrillTables.drills(try session.store.missedDrills(session.asOf, community: community))
    }
}
