import PlannerStore

/// `user grant` and `user revoke`: one role of one user, given or taken away. Each command
/// says which and its words; parsing, running and the messages are the same.
protocol RoleChange: Command {
    /// Whether the command gives the role or takes it away.
    static var granted: Bool { get }

    /// The user.
    var name: String { get }
    var role: Role { get }
}

extension RoleChange {
    /// The spec of `user VERB NAME --role ROLE`.
    static func roleConfiguration(_ verb: String, _ summary: L, example: String) -> CommandSpec {
        CommandSpec(
            path: ["user", verb], group: .admin, syntax: "NAME --role ROLE", summary: summary, example: example,
            roles: [.admin])
    }

    func run(in session: Session) throws -> Output {
        let role = role.rawValue
        try session.store.setRole(role, of: name, granted: Self.granted)
        return .created(
            name,
            Self.granted
                ? L("granted \(role) to \(name)", "已授予 \(name) \(role) 角色")
                : L("revoked \(role) from \(name)", "已撤销 \(name) 的 \(role) 角色"))
    }
}
