import PlannerStore

/// `user grant` and `user revoke`: one role of one user, given or taken away. Each command
/// says which and its words; parsing, running and the messages are the same.
protocol RoleChange: Command {
    /// Whether the command gives the role or takes it away.
    static var granted: Bool { get }

    var target: UserRole { get }
    init(target: UserRole)
}

/// The user and the role a `RoleChange` names.
struct UserRole {
    let name: String
    let role: Role
}

extension RoleChange {
    /// The spec of `user VERB NAME --role ROLE`.
    static func roleSpec(_ verb: String, _ summary: L, example: String) -> CommandSpec {
        CommandSpec(
            path: ["user", verb], group: .admin, syntax: "NAME --role ROLE", summary: summary, example: example,
            positionals: ["NAME"], flags: [FlagSpec("role", "ROLE", required: true)], roles: [.admin])
    }

    init(_ args: Arguments) throws(ShellError) {
        self.init(target: UserRole(name: args.positional(0), role: try args.requiredChoice("role", Role.self)))
    }

    func run(in session: Session) throws -> Output {
        let (name, role) = (target.name, target.role.rawValue)
        try session.store.setRole(role, of: name, granted: Self.granted)
        return .created(
            name,
            Self.granted
                ? L("granted \(role) to \(name)", "已授予 \(name) \(role) 角色")
                : L("revoked \(role) from \(name)", "已撤销 \(name) 的 \(role) 角色"))
    }
}
