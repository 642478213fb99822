import PlannerStore

/// `drills missed`: scheduled drills whose date has passed, neither recorded nor cancelled
struct DrillsMissed: Command {
    static let spec = CommandSpec(
        path: ["drills", "missed"], group: .reports, syntax: "[--community C]",
        summary: L("Scheduled drills whose date has passed, neither recorded nor cancelled", "已过期但未登记也未取消的演练安排"),
        example: "drills missed", flags: [FlagSpec("community", "C")]
    )

    let community: String?

    init(_ args: Arguments) throws(ShellError) {
        community = args.string("community")
    }

    func run(in session: Session) throws -> Output {
        return DrillTables.drills(try session.store.missedDrills(session.asOf, community: community))
    }
}
