import Planner

/// `unit add`: add a unit (school, enterprise, crowded place…) to a community
struct UnitAdd: Command {
    static let configuration = CommandSpec(
        path: ["unit", "add"], aliases: [["单位", "添加"]], group: .organisation,
        syntax: "NAME --community C --kind KIND [--key-fire-unit]",
        summary: L("Add a unit (school, enterprise, crowded place…) to a community", "在社区下添加单位"),
        details: L(
            "KIND: primary-school middle-school kindergarten enterprise crowded-place hazardous government residential other.\n--key-fire-unit marks a 消防安全重点单位.",
            "KIND：primary-school 小学、middle-school 中学、kindergarten 幼儿园、enterprise 企业、crowded-place 人员密集场所、hazardous 危险物品单位、government 机关、residential 居民小区、other 其他。\n--key-fire-unit 表示消防安全重点单位。"
        ),
        example: "unit add \"江岸化工储运站\" --community 江岸社区 --kind hazardous --key-fire-unit",
        roles: [.supervisor]
    )

    @Positional("NAME") var name: String
    @Flag("community", "C") var communityName: String
    @Flag("kind", "KIND") var kind: UnitKind
    @Switch("key-fire-unit") var key: Bool

    func run(in session: Session) throws -> Output {
        try session.write { _ in
            let community = try session.load(Community.self, communityName)
            try session.apply(Unit.self, name) {
                try Unit.add(
                    name: name, community: community, communityName: communityName, kind: kind,
                    keyFireUnit: key, state: $0)
            }
        }
        return .created(name, L("added unit \(name) to \(communityName)", "已在 \(communityName) 添加单位 \(name)"))
    }
}
