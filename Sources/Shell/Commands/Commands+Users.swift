import Foundation
import PlannerStore

#if canImport(Glibc)
    import Glibc
#endif

extension CommandSpec {
    static let users: [CommandSpec] = [
        CommandSpec(
            path: ["user", "add"], group: .admin,
            syntax: "NAME --role supervisor|inspector|manager|admin [--password-prompt]",
            summary: L("Add a person who can log in, with a role", "添加可登录的用户并授予角色"),
            details: L(
                "supervisor: organisation, plans, drills, campaigns, holidays. inspector: inspections, findings, campaign activities. manager: reports only. admin: everything and users.\n--password-prompt asks for a password (needed when the server requires one).",
                "supervisor：组织、预案、演练、宣传、节假日；inspector：检查、隐患、宣传活动登记；manager：只能查看报表；admin：全部及用户管理。\n--password-prompt 提示输入密码（服务器要求密码时需要）。"
            ),
            example: "user add zhang_li --role inspector", positionals: ["NAME"],
            flags: [FlagSpec("role", "ROLE", required: true), FlagSpec("password-prompt")], roles: [.admin]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let role = try args.choice("role", Role.self) ?? .manager
            let prompt = args.has("password-prompt")
            return { session in
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
        },
        CommandSpec(
            path: ["user", "grant"], group: .admin, syntax: "NAME --role ROLE",
            summary: L("Give a user another role", "为用户增加角色"), example: "user grant zhang_li --role supervisor",
            positionals: ["NAME"], flags: [FlagSpec("role", "ROLE", required: true)], roles: [.admin]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let role = try args.choice("role", Role.self) ?? .manager
            return { session in
                try session.store.setRole(role.rawValue, of: name, granted: true)
                return .created(name, L("granted \(role.rawValue) to \(name)", "已授予 \(name) \(role.rawValue) 角色"))
            }
        },
        CommandSpec(
            path: ["user", "revoke"], group: .admin, syntax: "NAME --role ROLE",
            summary: L("Take a role away from a user", "撤销用户的角色"), example: "user revoke zhang_li --role supervisor",
            positionals: ["NAME"], flags: [FlagSpec("role", "ROLE", required: true)], roles: [.admin]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let role = try args.choice("role", Role.self) ?? .manager
            return { session in
                try session.store.setRole(role.rawValue, of: name, granted: false)
                return .created(name, L("revoked \(role.rawValue) from \(name)", "已撤销 \(name) 的 \(role.rawValue) 角色"))
            }
        },
        CommandSpec(
            path: ["user", "list"], group: .admin, syntax: "", summary: L("The users and their roles", "用户及其角色"),
            example: "user list"
        ) { _ in
            { session in
                return .table(
                    [Column("user", L("user", "用户")), Column("roles", L("roles", "角色"))],
                    try session.store.users().map { user in
                        let roles = (user.superuser ? ["superuser"] : []) + user.roles
                        return [.text(user.name), .list(roles.map(Value.text))]
                    })
            }
        },
    ]
}

/// Reads a password from the terminal without echo, twice.
enum Password {
    static func read(for name: String) throws -> String {
        guard let first = getpass("Password for \(name): ").map({ String(cString: $0) }), !first.isEmpty else {
            throw ShellError(L("no password given", "未输入密码"))
        }
        guard let second = getpass("Again: ").map({ String(cString: $0) }), second == first else {
            throw ShellError(L("the passwords differ", "两次输入的密码不一致"))
        }
        return first
    }
}
