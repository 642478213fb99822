import Foundation
import PlannerStore

/// `user revoke`: take a role away from a user
struct UserRevoke: Command {
    static let spec = CommandSpec(
        path: ["user", "revoke"], group: .admin, syntax: "NAME --role ROLE",
        summary: L("Take a role away from a user", "撤销用户的角色"), example: "user revoke zhang_li --role supervisor",
        positionals: ["NAME"], flags: [FlagSpec("role", "ROLE", required: true)], roles: [.admin]
    )

    let name: String
    let role: Role

    init(_ args: Arguments) throws(ShellError) {
        name = args.positional(0)
        role = try args.requiredChoice("role", Role.self)
    }

    func run(in session: Session) throws -> Output {
        try session.store.setRole(role.rawValue, of: name, granted: false)
        return .created(name, L("revoked \(role.rawValue) from \(name)", "已撤销 \(name) 的 \(role.rawValue) 角色"))
    }
}
