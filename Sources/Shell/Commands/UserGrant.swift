/// `user grant`: give a user another role
struct UserGrant: Command {
    static let spec = CommandSpec(
        path: ["user", "grant"], group: .admin, syntax: "NAME --role ROLE",
        summary: L("Give a user another role", "为用户增加角色"), example: "user grant zhang_li --role supervisor",
        positionals: ["NAME"], flags: [FlagSpec("role", "ROLE", required: true)], roles: [.admin]
    )

    let change: RoleChange

    init(_ args: Arguments) throws(ShellError) {
        change = try RoleChange(args)
    }

    func run(in session: Session) throws -> Output {
        let (name, role) = (change.name, change.role.rawValue)
        return try change.run(in: session, granted: true, L("granted \(role) to \(name)", "已授予 \(name) \(role) 角色"))
    }
}
