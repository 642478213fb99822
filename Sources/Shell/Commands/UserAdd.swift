import PlannerStore

/// `user add`: add a person who can log in, with a role
struct UserAdd: Command {
    static let configuration = CommandSpec(
        path: ["user", "add"], group: .admin,
        syntax: "NAME --role supervisor|inspector|manager|admin [--street S | --district D] [--password-prompt]",
        summary: L("Add a person who can log in, with a role", "添加可登录的用户并授予角色"),
        details: L(
            "supervisor: organisation, plans, drills, campaigns, holidays. inspector: inspections, findings, campaign activities. manager: reports only. admin: everything and users.\n--street S: the user's rights are S's records only; --district D (managers): every street of D. Needed once the database has several streets.\n--password-prompt asks for a password (needed when the server requires one).",
            "supervisor：组织、预案、演练、宣传、节假日；inspector：检查、隐患、宣传活动登记；manager：只能查看报表；admin：全部及用户管理。\n--street 街道：只能查看和登记该街道的记录；--district 区（管理人员）：该区所有街道。数据库有多个街道时必须指定。\n--password-prompt 提示输入密码（服务器要求密码时需要）。"
        ),
        example: "user add zhang_li --role inspector", roles: [.admin]
    )

    @Positional("NAME") var name: String
    @Flag("role", "ROLE") var role: Role
    @Flag("street", "S") var street: String?
    @Flag("district", "D") var district: String?
    @Switch("password-prompt") var prompt: Bool

    func validate() throws(ShellError) {
        if street != nil && district != nil {
            throw ShellError(
                L(
                    "--street and --district: give one (a user's scope is a street or a district)",
                    "--street 与 --district 只能给一个（用户的范围是一个街道或一个区）"))
        }
        if role == .admin && (street != nil || district != nil) {
            throw ShellError(
                L(
                    "--\(street != nil ? "street" : "district"): an admin's rights cover every street; give no scope",
                    "--\(street != nil ? "street" : "district")：admin 的权限覆盖所有街道，无需指定范围"))
        }
        if district != nil && role != .manager {
            throw ShellError(
                L(
                    "--district \(district ?? ""): a district's scope is for managers; give this \(role.rawValue) one --street",
                    "--district \(district ?? "")：区级范围仅限 manager；\(role.rawValue) 请用 --street 指定一个街道"))
        }
    }

    func run(in session: Session) throws -> Output {
        let password = try prompt ? Password.read(for: name) : nil
        let directory = try session.store.streets()
        if street == nil && district == nil && role != .admin && directory.count > 1 {
            throw ShellError(
                L(
                    "user add \(name): this database keeps several streets; give --street S (or, for a manager, --district D)",
                    "user add \(name)：本数据库有多个街道，请用 --street 指定街道（管理人员可用 --district 指定区）"))
        }
        // With one street named, it is everyone's; an admin's rights cover every street.
        let street = role == .admin ? street : street ?? (district == nil ? directory.first?.name : nil)
        let added = try session.write { store in
            let added = try store.addUser(name, role: role.rawValue, password: password)
            if street != nil || district != nil { try store.setScope(of: name, street: street, district: district) }
            return added
        }
        if !added {
            return .created(
                name,
                L(
                    "\(name) already has a login; granted \(role.rawValue) here (its password is unchanged)",
                    "\(name) 已有登录名；已在此授予 \(role.rawValue) 角色（密码未改变）"))
        }
        return .created(name, L("added user \(name) as \(role.rawValue)", "已添加用户 \(name)，角色 \(role.rawValue)"))
    }
}
