import PlannerStore

/// `user add`: add a person who can log in, with a role
struct UserAdd: Command {
    static let configuration = CommandSpec(
        path: ["user", "add"], group: .admin,
        syntax: "NAME --role supervisor|inspector|manager|admin [--password-prompt]",
        summary: L("Add a person who can log in, with a role", "添加可登录的用户并授予角色"),
        details: L(
            "supervisor: organisation, plans, drills, campaigns, holidays. inspector: inspections, findings, campaign activities. manager: reports only. admin: everything and users.\n--password-prompt asks for a password (needed when the server requires one).",
            "supervisor：组织、预案、演练、宣传、节假日；inspector：检查、隐患、宣传活动登记；manager：只能查看报表；admin：全部及用户管理。\n--password-prompt 提示输入密码（服务器要求密码时需要）。"
        ),
        example: "user add zhang_li --role inspector", roles: [.admin]
    )

    @Positional("NAME") var name: String
    @Flag("role", "ROLE") var role: Role
    @Switch("password-prompt") var prompt: Bool

    func run(in session: Session) throws -> Output {
        let password = try prompt ? Password.read(for: name) : nil
        if try !session.store.addUser(name, role: role.rawValue, password: password) {
            return .created(
                name,
                L(
                    "\(name) already has a login; granted \(role.rawValue) here (its password is unchanged)",
                    "\(name) 已有登录名；已在此授予 \(role.rawValue) 角色（密码未改变）"))
        }
        return .created(name, L("added user \(name) as \(role.rawValue)", "已添加用户 \(name)，角色 \(role.rawValue)"))
    }
}
