import PlannerStore

/// `user disable`: end a login's rights here; its records stay
struct UserDisable: Command {
    static let configuration = CommandSpec(
        path: ["user", "disable"], group: .admin, syntax: "NAME",
        summary: L("End a login's rights here; its records stay", "停用用户在此的权限；其记录保留"),
        details: L(
            "The login loses every role in this database and can no longer connect to it (PostgreSQL enforces it); its events keep its name in history, and user list shows it disabled. You cannot disable yourself, nor a PostgreSQL superuser. user grant refuses a disabled login; user add NAME --role ROLE gives it rights here again.",
            "该登录名失去本数据库的全部角色，不能再连接本数据库（由 PostgreSQL 强制）；其事件在历史中仍署其名，user list 显示为已停用。不能停用自己，也不能停用 PostgreSQL 超级用户。user grant 拒绝已停用的用户；user add NAME --role ROLE 可恢复其在此的权限。"
        ),
        example: "user disable zhang_li", roles: [.admin]
    )

    @Positional("NAME") var name: String

    func run(in session: Session) throws -> Output {
        try session.store.disableUser(name)
        return .created(name, L("disabled \(name): its records stay", "已停用 \(name)；其记录保留"))
    }
}
