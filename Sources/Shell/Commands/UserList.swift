import PlannerStore

/// `user list`: the users and their roles
struct UserList: Command {
    static let configuration = CommandSpec(
        path: ["user", "list"], group: .admin, syntax: "", summary: L("The users and their roles", "用户及其角色"),
        example: "user list"
    )

    func run(in session: Session) throws -> Output {
        var fields = [
            Field<UserSummary>("user", L("user", "用户")) { .text($0.name) },
            Field("roles", L("roles", "角色")) {
                .list((($0.superuser ? ["superuser"] : []) + $0.roles).map(Value.text))
            },
            Field("disabled", L("disabled", "已停用")) { .flag($0.disabled, L("disabled", "已停用")) },
        ]
        // Each user's scope, once the database keeps streets.
        if try !session.store.streets().isEmpty {
            fields += [
                Field("street", L("street", "街道")) { .optional($0.street) },
                Field("district", L("district", "区")) { .optional($0.district) },
            ]
        }
        return .table(try session.store.users(), fields)
    }
}
