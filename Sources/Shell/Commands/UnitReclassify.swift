import Planner

/// `unit reclassify`: change a unit's kind or its key fire-safety flag
struct UnitReclassify: Command {
    static let spec = CommandSpec(
        path: ["unit", "reclassify"], group: .organisation, syntax: "NAME [--kind KIND] [--key-fire-unit yes|no]",
        summary: L("Change a unit's kind or its key fire-safety flag", "修改单位类别或消防安全重点单位标记"),
        example: "unit reclassify \"荣东万家商场\" --key-fire-unit yes", positionals: ["NAME"],
        flags: [FlagSpec("kind", "KIND"), FlagSpec("key-fire-unit", "yes|no")], roles: [.supervisor]
    )

    let name: String
    let kind: UnitKind?
    let key: Bool?

    init(_ args: Arguments) throws(ShellError) {
        name = args.positional(0)
        kind = try args.choice("kind", UnitKind.self)
        key = try args.yesNo("key-fire-unit")
    }

    func run(in session: Session) throws -> Output {
        try session.change(Unit.self, name, done: L("reclassified \(name)", "已修改 \(name) 的分类")) {
            try Unit.reclassify(kind: kind, keyFireUnit: key, state: $0)
        }
    }
}
