import Planner
import PlannerStore

extension CommandSpec {
    static let organisation: [CommandSpec] = [
        CommandSpec(
            path: ["community", "add"], aliases: [["社区", "添加"]], group: .organisation, syntax: "NAME",
            summary: L("Add a community (社区)", "添加社区"), example: "community add 江岸社区",
            positionals: ["NAME"], roles: [.supervisor]
        ) { args in
            let name = args.positional(0)
            return { session in
                try session.write { store in
                    try session.apply(Community.self, stream: PlannerStore.Stream.community(name)) {
                        try Community.add(name: name, state: $0)
                    }
                }
                return .created(name, L("added community \(name)", "已添加社区 \(name)"))
            }
        },
        CommandSpec(
            path: ["community", "list"], aliases: [["社区", "列表"]], group: .organisation, syntax: "",
            summary: L("List the communities and how many units each has", "列出社区及其单位数"),
            example: "community list"
        ) { _ in
            { session in
                return .table(
                    [Column("community", L("community", "社区")), Column("units", L("units", "单位数"))],
                    try session.store.communities().map { [.text($0.name), .int($0.units)] })
            }
        },
        CommandSpec(
            path: ["unit", "add"], aliases: [["单位", "添加"]], group: .organisation,
            syntax: "NAME --community C --kind KIND [--key-fire-unit]",
            summary: L("Add a unit (school, enterprise, crowded place…) to a community", "在社区下添加单位"),
            details: L(
                "KIND: primary-school middle-school kindergarten enterprise crowded-place hazardous government residential other.\n--key-fire-unit marks a 消防安全重点单位.",
                "KIND：primary-school 小学、middle-school 中学、kindergarten 幼儿园、enterprise 企业、crowded-place 人员密集场所、hazardous 危险物品单位、government 机关、residential 居民小区、other 其他。\n--key-fire-unit 表示消防安全重点单位。"
            ),
            example: "unit add \"江岸化工储运站\" --community 江岸社区 --kind hazardous --key-fire-unit",
            positionals: ["NAME"],
            flags: [
                FlagSpec("community", "C", required: true), FlagSpec("kind", "KIND", required: true),
                FlagSpec("key-fire-unit"),
            ],
            roles: [.supervisor]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let communityName = args.string("community") ?? ""
            let kind = try args.choice("kind", UnitKind.self) ?? .other
            let key = args.has("key-fire-unit")
            return { session in
                try session.write { _ in
                    let community = try session.load(Community.self, PlannerStore.Stream.community(communityName))
                    try session.apply(Unit.self, stream: PlannerStore.Stream.unit(name)) {
                        try Unit.add(
                            name: name, community: community, communityName: communityName, kind: kind,
                            keyFireUnit: key, state: $0)
                    }
                }
                return .created(name, L("added unit \(name) to \(communityName)", "已在 \(communityName) 添加单位 \(name)"))
            }
        },
        CommandSpec(
            path: ["unit", "reclassify"], group: .organisation, syntax: "NAME [--kind KIND] [--key-fire-unit yes|no]",
            summary: L("Change a unit's kind or its key fire-safety flag", "修改单位类别或消防安全重点单位标记"),
            example: "unit reclassify \"荣东万家商场\" --key-fire-unit yes", positionals: ["NAME"],
            flags: [FlagSpec("kind", "KIND"), FlagSpec("key-fire-unit", "yes|no")], roles: [.supervisor]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let kind = try args.choice("kind", UnitKind.self)
            let key = try args.yesNo("key-fire-unit")
            return { session in
                try session.write { _ in
                    try session.apply(
                        Unit.self, stream: PlannerStore.Stream.unit(name), mustExist: (L("unit", "单位"), name)
                    ) {
                        try Unit.reclassify(kind: kind, keyFireUnit: key, state: $0)
                    }
                }
                return .created(name, L("reclassified \(name)", "已修改 \(name) 的分类"))
            }
        },
        CommandSpec(
            path: ["unit", "close"], group: .organisation, syntax: "NAME --on DATE",
            summary: L("Close a unit: its plans owe no more drills from that date", "关闭单位：自该日起其预案不再需要演练"),
            example: "unit close \"桃源长江机械厂\" --on 2017-07-17", positionals: ["NAME"],
            flags: [FlagSpec("on", "DATE", required: true)], roles: [.supervisor]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            return { session in
                try session.write { _ in
                    try session.apply(
                        Unit.self, stream: PlannerStore.Stream.unit(name), mustExist: (L("unit", "单位"), name)
                    ) {
                        try Unit.close(on: date, today: session.today, state: $0)
                    }
                }
                return .created(name, L("closed \(name) on \(date)", "单位 \(name) 已于 \(date) 关闭"))
            }
        },
        CommandSpec(
            path: ["unit", "list"], aliases: [["单位", "列表"]], group: .organisation, syntax: "[--community C]",
            summary: L("List units, optionally of one community", "列出单位（可按社区筛选）"),
            example: "unit list --community 江岸社区", flags: [FlagSpec("community", "C")]
        ) { args in
            let community = args.string("community")
            return { session in
                return .table(
                    [
                        Column("unit", L("unit", "单位")), Column("community", L("community", "社区")),
                        Column("kind", L("kind", "类别")), Column("key_fire_unit", L("key fire unit", "消防重点")),
                        Column("closed_on", L("closed on", "关闭日期")),
                    ],
                    try session.store.units(community: community).map { unit in
                        [
                            .text(unit.name), .text(unit.community), .text(unit.kind.rawValue), .bool(unit.keyFireUnit),
                            .optional(unit.closedOn?.description),
                        ]
                    })
            }
        },
    ]
}
