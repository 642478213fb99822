import Foundation
import PlannerStore

/// `user grant`: give a user another role
struct UserGrant: Command {
    static let spec = CommandSpec(
        path: ["user", "grant"], group: .admin, syntax: "NAME --role ROLE",
        summary: L("Give a user another role", "为用户增加角色"), example: "user grant zhang_li --role supervisor",
        positionals: ["NAME"], flags: [FlagSpec("role", "ROLE", required: true)], roles: [.admin]
    )

    let name: String
    let role: Role

    init(_ args: Arguments) throws(ShellError) {
        name = args.positional(0)
        role = try args.requiredChoice("role", Role.self)
    }

    func run(in session: Session) throws -> Output {
        try session.store.setRole(role.rawValue, of: name, granted: true)
        return .created(name, L("granted \(role.rawValue) to \(name)", "已授予 \(name) \(role.rawValue) 角色"))
    }
}
