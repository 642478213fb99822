import PlannerStore

/// `user grant` and `user revoke`: one role of one user, given or taken away. The two commands
/// are one type that differs only in its direction: its words, help and message.
struct RoleChange<Direction: RoleDirection>: Command {
    static var configuration: CommandSpec {
        CommandSpec(
            path: ["user", Direction.verb], group: .admin, syntax: "NAME --role ROLE", summary: Direction.summary,
            example: "user \(Direction.verb) zhang_li --role supervisor", roles: [.admin])
    }

    @Positional("NAME") var name: String
    @Flag("role", "ROLE") var role: Role

    func run(in session: Session) throws -> Output {
        let role = role.rawValue
        try session.store.setRole(role, of: name, granted: Direction.granted)
        return .created(name, Direction.done(role, name))
    }
}

/// Which way a role change goes.
protocol RoleDirection: Sendable {
    static var verb: String { get }
    static var granted: Bool { get }
    static var summary: L { get }
    static func done(_ role: String, _ name: String) -> L
}

/// `user grant`: give a user another role
typealias UserGrant = RoleChange<Grant>
/// `user revoke`: take a role away from a user
typealias UserRevoke = RoleChange<Revoke>

enum Grant: RoleDirection {
    static let verb = "grant"
    static let granted = true
    static let summary = L("Give a user another role", "为用户增加角色")
    static func done(_ role: String, _ name: String) -> L { L("granted \(role) to \(name)", "已授予 \(name) \(role) 角色") }
}

enum Revoke: RoleDirection {
    static let verb = "revoke"
    static let granted = false
    static let summary = L("Take a role away from a user", "撤销用户的角色")
    static func done(_ role: String, _ name: String) -> L {
        L("revoked \(role) from \(name)", "已撤销 \(name) 的 \(role) 角色")
    }
}
