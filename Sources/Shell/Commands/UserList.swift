import Foundation
import PlannerStore

/// `user list`: the users and their roles
struct UserList: Command {
    static let spec = CommandSpec(
        path: ["user", "list"], group: .admin, syntax: "", summary: L("The users and their roles", "用户及其角色"),
        example: "user list"
    )

    init(_: Arguments) {}

    func run(in session: Session) throws -> Output {
        return .table(
            [Column("user", L("user", "用户")), Column("roles", L("roles", "角色"))],
            try session.store.users().map { user in
                let roles = (user.superuser ? ["superuser"] : []) + user.roles
                return [.text(user.name), .list(roles.map(Value.text))]
            })
    }
}
