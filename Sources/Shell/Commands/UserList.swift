import PlannerStore

/// `user list`: the users and their roles
struct UserList: Command {
    static let configuration = CommandSpec(
        path: ["user", "list"], group: .admin, syntax: "", summary: L("The users and their roles", "用户及其角色"),
        example: "user list"
    )

    func run(in session: Session) throws -> Output {
        .table(
            try session.store.users(),
            [
                Field("user", L("user", "用户")) { .text($0.name) },
                Field("roles", L("roles", "角色")) {
                    .list((($0.superuser ? ["superuser"] : []) + $0.roles).map(Value.text))
                },
                Field("disabled", L("disabled", "已停用")) { .flag($0.disabled, L("disabled", "已停用")) },
            ])
    }
}
