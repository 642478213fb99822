import Planner

/// `unit reclassify`: change a unit's kind or its key fire-safety flag
struct UnitReclassify: Command {
    static let configuration = CommandSpec(
        path: ["unit", "reclassify"], group: .organisation, syntax: "NAME [--kind KIND] [--key-fire-unit yes|no]",
        summary: L("Change a unit's kind or its key fire-safety flag", "修改单位类别或消防安全重点单位标记"),
        example: "unit reclassify \"荣东万家商场\" --key-fire-unit yes", roles: [.supervisor]
    )

    @Positional("NAME") var name: String
    @Flag("kind", "KIND") var kind: UnitKind?
    @Flag("key-fire-unit", "yes|no", as: .yesNo) var key: Bool?

    func run(in session: Session) throws -> Output {
        try session.change(Unit.self, name, done: L("reclassified \(name)", "已修改 \(name) 的分类")) {
            try Unit.reclassify(kind: kind, keyFireUnit: key, state: $0)
        }
    }
}
