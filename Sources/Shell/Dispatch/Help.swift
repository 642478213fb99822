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

    /// `help WORDS`: the command the words name, or the commands they begin (`help drill`,
    /// `help 演练`), in English words or their Chinese aliases.
    static func asked(_ words: [Word], registry: Registry, _ session: Session) throws(ShellError) -> String {
        let typed = words.map(\.text)
        let exact = registry.match(words)
        if let (spec, rest) = exact, rest.isEmpty {
            let more = commands(beginningWith: typed, registry).filter { $0.name != spec.name }
            return command(spec, session, more: more.map { name(of: $0, typed: typed) })
        }
        let begun = commands(beginningWith: typed, registry)
        if !begun.isEmpty {
            return listing(begun, beginningWith: typed, session)
        }
        // `help drill record D-1`: the words after a command are its arguments.
        guard let (spec, _) = exact else {
            throw ShellError.unknownCommand(
                typed.joined(separator: " "), suggestion: registry.suggestion(for: words))
        }
        return command(spec, session)
    }

    /// The commands whose words, or whose Chinese alias, begin with `typed`, in the table's order.
    static func commands(beginningWith typed: [String], _ registry: Registry) -> [CommandSpec] {
        registry.specs.filter { spec in ([spec.path] + spec.aliases).contains { $0.starts(with: typed) } }
    }

    /// How a listed command is named to someone who typed `typed`: its alias when that is what
    /// they began, with the English words after it (`演练 安排 (drill schedule)`).
    static func name(of spec: CommandSpec, typed: [String]) -> String {
        guard !spec.path.starts(with: typed), let alias = spec.aliases.first(where: { $0.starts(with: typed) }) else {
            return spec.name
        }
        return alias.joined(separator: " ") + " (" + spec.name + ")"
    }

    static func listing(_ specs: [CommandSpec], beginningWith typed: [String], _ session: Session) -> String {
        let words = typed.joined(separator: " ")
        var lines = [
            session.text(
                L(
                    "Commands beginning with \(words) (help COMMAND explains one):",
                    "以 \(words) 开头的命令（help 命令 查看详细说明）：")),
            "",
        ]
        let width = specs.map { DisplayWidth.of(name(of: $0, typed: typed)) }.max() ?? 0
        for spec in specs {
            let mark = session.may(spec) ? "  " : "× "
            lines.append(
                "  " + mark + DisplayWidth.pad(name(of: spec, typed: typed), to: width) + "  "
                    + session.text(spec.summary))
        }
        if specs.contains(where: { !session.may($0) }) {
            lines += ["", session.text(L("× needs a role you do not have (see whoami).", "× 表示需要您没有的角色（参见 whoami）。"))]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One command's help; `more` lists the other commands that begin with the same words
    /// (`help compliance` also points to `compliance summary`).
    static func command(_ spec: CommandSpec, _ session: Session, more: [String] = []) -> String {
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
        if !more.isEmpty {
            lines += ["", session.text(L("See also: ", "另见：")) + more.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
