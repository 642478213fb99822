import PlannerStore

/// `whoami`: who you are connected as, and your roles
struct WhoAmI: Command {
    static let configuration = CommandSpec(
        path: ["whoami"], group: .session, syntax: "",
        summary: L("Who you are connected as, and your roles", "当前登录的用户及其角色"),
        example: "whoami"
    )

    func run(in session: Session) throws -> Output {
        let roles = session.roles.sorted().map(\.rawValue)
        // What the database will let this user record here, as it decides it.
        let kinds = try session.store.recordableStreamKinds()
        let records = kinds.isEmpty ? "-" : kinds.joined(separator: ", ")
        return .object(
            [
                ("user", .text(session.store.user)), ("database", .text(session.store.database)),
                ("roles", .list(roles.map(Value.text))), ("may_record", .list(kinds.map(Value.text))),
            ],
            message: L(
                "\(session.store.user)@\(session.store.database): \(roles.joined(separator: ", ")); may record: \(records)",
                "\(session.store.user)@\(session.store.database)：\(roles.joined(separator: "、"))；可登记：\(records)"
            ))
    }
}
