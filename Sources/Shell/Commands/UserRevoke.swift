/// `user revoke`: take a role away from a user
struct UserRevoke: Command {
    static let spec = CommandSpec(
        path: ["user", "revoke"], group: .admin, syntax: "NAME --role ROLE",
        summary: L("Take a role away from a user", "撤销用户的角色"), example: "user revoke zhang_li --role supervisor",
        positionals: ["NAME"], flags: [FlagSpec("role", "ROLE", required: true)], roles: [.admin]
    )

    let change: RoleChange

    init(_ args: Arguments) throws(ShellError) {
        change = try RoleChange(args)
    }

    func run(in session: Session) throws -> Output {
        let (name, role) = (change.name, change.role.rawValue)
        return try change.run(
            in: session, granted: false, L("revoked \(role) from \(name)", "已撤销 \(name) 的 \(role) 角色"))
    }
}
