import Postgres

extension CommandSpec {
    static let help: [CommandSpec] = [
        CommandSpec(
            path: ["help"], aliases: [["帮助"]], group: .session, syntax: "[COMMAND]",
            summary: L("List the commands by task, or explain one with an example", "按任务列出命令，或说明某个命令并给出示例"),
            example: "help drill record", positionals: []
        ) { _ in
            { session in .text(Help.overview(session)) }
        },
        CommandSpec(
            path: ["quit"], aliases: [["exit"], ["退出"]], group: .session, syntax: "",
            summary: L("Leave the shell (Ctrl-D does the same)", "退出（也可按 Ctrl-D）"), example: "quit"
        ) { _ in
            { _ in throw Quit() }
        },
    ]
}

/// Thrown by `quit`; the runner stops reading lines.
struct Quit: Error {}

/// The help texts, derived from the command table.
enum Help {
    static func overview(_ session: Session) -> String {
        var lines: [String] = [
            session.text(
                L(
                    "Vigil — plans, drills, inspections and publicity. Commands by task (help COMMAND explains one):",
                    "Vigil —— 预案、演练、检查与宣传。按任务分组的命令（help 命令 查看详细说明）：")),
            "",
        ]
        let specs = Registry.standard.specs
        for group in CommandSpec.Group.allCases {
            let members = specs.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            lines.append(session.text(group.title))
            let width = members.map { DisplayWidth.of($0.name) }.max() ?? 0
            for spec in members {
                let allowed = session.may(spec)
                let mark = allowed ? "  " : "× "
                lines.append("  " + mark + DisplayWidth.pad(spec.name, to: width) + "  " + session.text(spec.summary))
            }
            lines.append("")
        }
        if specs.contains(where: { !session.may($0) }) {
            lines.append(session.text(L("× needs a role you do not have (see whoami).", "× 表示需要您没有的角色（参见 whoami）。")))
        }
        return lines.joined(separator: "\n")
    }

    static func command(_ spec: CommandSpec, _ session: Session) -> String {
        var lines = [
            session.text(spec.summary), "",
            session.text(L("Usage: ", "用法：")) + spec.name + (spec.syntax.isEmpty ? "" : " " + spec.syntax),
        ]
        if !spec.aliases.isEmpty {
            lines.append(
                session.text(L("Also: ", "也可以："))
                    + spec.aliases.map { $0.joined(separator: " ") }.joined(separator: ", "))
        }
        if let details = spec.details {
            lines.append("")
            lines.append(session.text(details))
        }
        if let roles = spec.roles {
            lines.append("")
            lines.append(
                session.text(L("Who: ", "权限："))
                    + (roles.union([.admin])).sorted().map(\.rawValue).joined(separator: ", "))
        }
        lines += ["", session.text(L("Example:", "示例：")), "  " + spec.example]
        return lines.joined(separator: "\n") + "\n"
    }
}
