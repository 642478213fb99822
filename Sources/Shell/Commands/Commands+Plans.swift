import Planner
import PlannerStore

extension CommandSpec {
    static let plans: [CommandSpec] = [
        CommandSpec(
            path: ["plan", "add"], aliases: [["预案", "添加"]], group: .plansAndDrills,
            syntax:
                "NAME --unit U --level comprehensive|special|onsite [--hazard TEXT] [--every DURATION] [--from DATE]",
            summary: L("Add an emergency plan (应急预案) and the drill cadence it owes", "添加应急预案及其演练周期"),
            details: L(
                "Without --every the cadence comes from the rule catalogue (see: rules for UNIT).\n--from is the date the plan takes effect (default: today).",
                "不给 --every 时，周期取自规则库（参见：rules for 单位）。\n--from 为预案生效日期（默认今天）。"),
            example:
                "plan add \"江岸化工储运站火灾疏散预案\" --unit \"江岸化工储运站\" --level special --hazard 火灾 --every 6m --from 2017-01-01",
            positionals: ["NAME"],
            flags: [
                FlagSpec("unit", "U", required: true), FlagSpec("level", "LEVEL", required: true),
                FlagSpec("hazard", "TEXT"), FlagSpec("every", "DURATION"), FlagSpec("from", "DATE"),
            ],
            roles: [.supervisor]
        ) { args throws(ShellError) in
            let name = args.positional(0)
            let unitName = args.string("unit") ?? ""
            let level = try args.choice("level", PlanLevel.self) ?? .special
            let hazard = args.string("hazard")
            let every = try args.interval("every")
            let from = try args.date("from")
            return { session in
                let code = try session.write { store in
                    let unit = try session.load(Unit.self, PlannerStore.Stream.unit(unitName))
                    let code = try store.nextCode("P")
                    let command = Plan.AddCommand(
                        code: code, name: name, unitName: unitName, level: level, hazard: hazard, every: every,
                        from: from ?? session.today)
                    try session.apply(Plan.self, stream: PlannerStore.Stream.plan(code)) { _ in
                        try Plan.add(command, unit: unit, catalogue: session.catalogue)
                    }
                    return code
                }
                return .created(code, L("added plan \(code) \(name)", "已添加预案 \(code) \(name)"))
            }
        },
        CommandSpec(
            path: ["plan", "revise"], group: .plansAndDrills, syntax: "P-n --on DATE --reason TEXT [--finding F-n]",
            summary: L("Record a revision of a plan, optionally citing the finding behind it", "登记预案修订（可注明引起修订的隐患）"),
            example: "plan revise P-3 --on 2017-06-01 --reason 演练发现疏散路线不合理 --finding F-7",
            positionals: ["P-n"],
            flags: [
                FlagSpec("on", "DATE", required: true), FlagSpec("reason", "TEXT", required: true),
                FlagSpec("finding", "F-n"),
            ],
            roles: [.supervisor]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "P", what: L("plan", "预案"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let reason = args.string("reason") ?? ""
            let finding = try args.string("finding").map { word throws(ShellError) in
                try Code.check(word, kind: "F", what: L("finding", "隐患"))
            }
            return { session in
                try session.write { _ in
                    if let finding {
                        _ = try session.existing(
                            Finding.self, PlannerStore.Stream.finding(finding), L("finding", "隐患"), finding)
                    }
                    try session.apply(
                        Plan.self, stream: PlannerStore.Stream.plan(code), mustExist: (L("plan", "预案"), code)
                    ) {
                        try Plan.revise(on: date, reason: reason, finding: finding, today: session.today, state: $0)
                    }
                }
                return .created(code, L("recorded a revision of \(code)", "已登记 \(code) 的修订"))
            }
        },
        CommandSpec(
            path: ["plan", "evaluate"], group: .plansAndDrills, syntax: "P-n --on DATE [--note TEXT]",
            summary: L("Record an evaluation (预案评估) of a plan", "登记预案评估"),
            example: "plan evaluate P-3 --on 2017-12-01 --note 预案可行", positionals: ["P-n"],
            flags: [FlagSpec("on", "DATE", required: true), FlagSpec("note", "TEXT")], roles: [.supervisor]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "P", what: L("plan", "预案"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let note = args.string("note")
            return { session in
                try session.write { _ in
                    try session.apply(
                        Plan.self, stream: PlannerStore.Stream.plan(code), mustExist: (L("plan", "预案"), code)
                    ) {
                        try Plan.evaluate(on: date, note: note, today: session.today, state: $0)
                    }
                }
                return .created(code, L("recorded an evaluation of \(code)", "已登记 \(code) 的评估"))
            }
        },
        CommandSpec(
            path: ["plan", "retire"], group: .plansAndDrills, syntax: "P-n --on DATE",
            summary: L("Retire a plan: it owes no drills from that date", "废止预案：自该日起不再需要演练"),
            example: "plan retire P-19 --on 2017-09-21", positionals: ["P-n"],
            flags: [FlagSpec("on", "DATE", required: true)], roles: [.supervisor]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "P", what: L("plan", "预案"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            return { session in
                try session.write { _ in
                    try session.apply(
                        Plan.self, stream: PlannerStore.Stream.plan(code), mustExist: (L("plan", "预案"), code)
                    ) {
                        try Plan.retire(on: date, state: $0)
                    }
                }
                return .created(code, L("retired \(code) on \(date)", "\(code) 已于 \(date) 废止"))
            }
        },
        CommandSpec(
            path: ["plan", "list"], aliases: [["预案", "列表"]], group: .plansAndDrills, syntax: "[--unit U]",
            summary: L("List plans with their cadence and where it comes from", "列出预案、演练周期及其依据"),
            example: "plan list", flags: [FlagSpec("unit", "U")]
        ) { args in
            let unit = args.string("unit")
            return { session in
                return .table(
                    [
                        Column("plan", L("plan", "预案")), Column("name", L("name", "名称")),
                        Column("unit", L("unit", "单位")), Column("level", L("level", "级别")),
                        Column("every_months", L("every (months)", "周期（月）")), Column("rule", L("rule", "依据")),
                        Column("from", L("from", "生效")), Column("retired_on", L("retired", "废止")),
                    ],
                    try session.store.plans(unit: unit).map { plan in
                        [
                            .text(plan.code), .text(plan.name), .text(plan.unit), .text(plan.level.rawValue),
                            .int(plan.everyMonths), .text(plan.rule), .text(plan.startOn.description),
                            .optional(plan.retiredOn?.description),
                        ]
                    })
            }
        },
    ]
}

extension Session {
    /// The plan and its unit, which drill commands decide against.
    func drillContext(plan code: String) throws -> Drill.Context {
        let plan = try existing(Plan.self, PlannerStore.Stream.plan(code), L("plan", "预案"), code)
        let unit = try load(Unit.self, PlannerStore.Stream.unit(plan.unit))
        return Drill.Context(plan: plan, unit: unit, today: today)
    }
}
