import Planner
import PlannerStore

extension CommandSpec {
    static let drills: [CommandSpec] = [
        CommandSpec(
            path: ["drill", "schedule"], aliases: [["演练", "安排"]], group: .plansAndDrills,
            syntax: "P-n --on DATE [--form tabletop|live] [--scope single|comprehensive] [--scenario TEXT]",
            summary: L("Schedule a drill of a plan", "安排预案演练"),
            example: "drill schedule P-1 --on 2017-01-05 --form live --scope single --scenario 火灾疏散",
            positionals: ["P-n"],
            flags: [
                FlagSpec("on", "DATE", required: true), FlagSpec("form", "FORM"), FlagSpec("scope", "SCOPE"),
                FlagSpec("scenario", "TEXT"),
            ],
            roles: [.supervisor]
        ) { args throws(ShellError) in
            let plan = try Code.check(args.positional(0), kind: "P", what: L("plan", "预案"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let form = try args.choice("form", DrillForm.self)
            let scope = try args.choice("scope", DrillScope.self)
            let scenario = args.string("scenario")
            return { session in
                let code = try session.write { store in
                    let context = try session.drillContext(plan: plan)
                    let code = try store.nextCode("D")
                    try session.apply(Drill.self, stream: PlannerStore.Stream.drill(code)) { _ in
                        try Drill.schedule(
                            code: code, on: date, form: form, scope: scope, scenario: scenario, context: context)
                    }
                    return code
                }
                return .created(
                    code, L("scheduled \(code) of \(plan) on \(date)", "已安排 \(plan) 的演练 \(code)，日期 \(date)"))
            }
        },
        CommandSpec(
            path: ["drill", "reschedule"], group: .plansAndDrills, syntax: "D-n --on DATE --reason TEXT",
            summary: L("Move a scheduled drill to another date", "调整已安排演练的日期"),
            example: "drill reschedule D-4 --on 2017-03-10 --reason 天气原因", positionals: ["D-n"],
            flags: [FlagSpec("on", "DATE", required: true), FlagSpec("reason", "TEXT", required: true)],
            roles: [.supervisor]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "D", what: L("drill", "演练"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let reason = args.string("reason") ?? ""
            return { session in
                try session.write { _ in
                    try session.apply(
                        Drill.self, stream: PlannerStore.Stream.drill(code), mustExist: (L("drill", "演练"), code)
                    ) { drill in
                        try Drill.reschedule(
                            on: date, reason: reason, context: try session.drillContext(plan: drill.plan), state: drill)
                    }
                }
                return .created(code, L("rescheduled \(code) to \(date)", "\(code) 已改期至 \(date)"))
            }
        },
        CommandSpec(
            path: ["drill", "cancel"], group: .plansAndDrills, syntax: "D-n --reason TEXT",
            summary: L("Cancel a scheduled drill", "取消已安排的演练"), example: "drill cancel D-49 --reason 天气原因",
            positionals: ["D-n"], flags: [FlagSpec("reason", "TEXT", required: true)], roles: [.supervisor]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "D", what: L("drill", "演练"))
            let reason = args.string("reason") ?? ""
            return { session in
                try session.write { _ in
                    try session.apply(
                        Drill.self, stream: PlannerStore.Stream.drill(code), mustExist: (L("drill", "演练"), code)
                    ) {
                        try Drill.cancel(reason: reason, state: $0)
                    }
                }
                return .created(code, L("cancelled \(code)", "已取消 \(code)"))
            }
        },
        CommandSpec(
            path: ["drill", "record"], aliases: [["演练", "登记"]], group: .plansAndDrills,
            syntax: "D-n|P-n --on DATE [--participants N] [--evacuation DURATION] [--note TEXT] [--photo FILE]...",
            summary: L(
                "Record a drill as held: a scheduled one (D-n), or one held without a schedule (P-n)",
                "登记演练已举行：已安排的（D-n），或未经安排直接举行的（P-n）"),
            details: L(
                "--evacuation is the evacuation time, in seconds (210s) or minutes (4m). --photo attaches a JPEG, PNG or PDF (at most 20 MB), e.g. the drill's photos or evaluation document; repeat it for several.",
                "--evacuation 为疏散用时，如 210s 或 4m。--photo 附上 JPEG、PNG 或 PDF 文件（不超过 20 MB），如演练照片或评估报告；可重复使用。"),
            example: "drill record D-1 --on 2017-01-06 --participants 809 --evacuation 210s",
            positionals: ["D-n|P-n"],
            flags: [
                FlagSpec("on", "DATE", required: true), FlagSpec("participants", "N"),
                FlagSpec("evacuation", "DURATION"), FlagSpec("note", "TEXT"), FlagSpec("photo", "FILE"),
            ],
            roles: [.supervisor]
        ) { args throws(ShellError) in
            let target = args.positional(0)
            guard target.hasPrefix("D-") || target.hasPrefix("P-") else {
                throw ShellError(
                    L(
                        "\"\(target)\" is neither a drill (D-n) nor a plan (P-n)",
                        "\"\(target)\" 既不是演练编号（D-n）也不是预案编号（P-n）"))
            }
            let isDrill = target.hasPrefix("D-")
            let code = try Code.check(
                target, kind: isDrill ? "D" : "P", what: isDrill ? L("drill", "演练") : L("plan", "预案"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let participants = try args.count("participants")
            let evacuation = try args.string("evacuation").map { text throws(ShellError) in
                try Seconds.parse(text, flag: "--evacuation")
            }
            let note = args.string("note")
            let photoPaths = args.strings("photo")
            return { session in
                let drillCode = try session.write { store in
                    let photos = try session.attach(photoPaths)
                    if isDrill {
                        try session.apply(
                            Drill.self, stream: PlannerStore.Stream.drill(code), mustExist: (L("drill", "演练"), code),
                            photos: photos
                        ) { drill in
                            try Drill.record(
                                code: code, on: date, participants: participants, evacuationSeconds: evacuation,
                                note: note, context: try session.drillContext(plan: drill.plan), state: drill)
                        }
                        return code
                    }
                    let context = try session.drillContext(plan: code)
                    let newCode = try store.nextCode("D")
                    try session.apply(Drill.self, stream: PlannerStore.Stream.drill(newCode), photos: photos) {
                        try Drill.record(
                            code: newCode, on: date, participants: participants, evacuationSeconds: evacuation,
                            note: note, context: context, state: $0)
                    }
                    return newCode
                }
                return .created(
                    drillCode, L("recorded \(drillCode) as held on \(date)", "已登记演练 \(drillCode)，举行日期 \(date)"))
            }
        },
        CommandSpec(
            path: ["drill", "evaluate"], group: .plansAndDrills,
            syntax:
                "D-n --rating good|adequate|poor [--report TEXT] [--on DATE] [--action TEXT …] [--action-within DURATION]",
            summary: L(
                "Evaluate a drill that was held (演练评估); each --action raises a finding to follow up",
                "评估已举行的演练；每个 --action 生成一条需要整改的隐患"),
            details: L(
                "--on is the evaluation date (default today). Each --action is a corrective action: it becomes a finding F-n linked to the drill, due --action-within after the evaluation (default 30d).",
                "--on 为评估日期（默认今天）。每个 --action 是一项整改措施，生成与该演练关联的隐患 F-n，期限为评估后 --action-within（默认 30d）。"),
            example: "drill evaluate D-1 --rating poor --report 疏散用时过长 --action \"清理三楼疏散通道\" --action-within 10wd",
            positionals: ["D-n"],
            flags: [
                FlagSpec("rating", "RATING", required: true), FlagSpec("report", "TEXT"), FlagSpec("on", "DATE"),
                FlagSpec("action", "TEXT"), FlagSpec("action-within", "DURATION"),
            ],
            roles: [.supervisor]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "D", what: L("drill", "演练"))
            let rating = try args.choice("rating", DrillRating.self) ?? .adequate
            let report = args.string("report")
            let date = try args.date("on")
            let actions = args.strings("action")
            let within = try args.interval("action-within") ?? Interval(30, .days)
            return { session in
                let raised = try session.write { store in
                    let on = date ?? session.today
                    let findings = try actions.map { _ in try store.nextCode("F") }
                    var unit = ""
                    try session.apply(
                        Drill.self, stream: PlannerStore.Stream.drill(code), mustExist: (L("drill", "演练"), code)
                    ) { drill in
                        unit = try session.load(Plan.self, PlannerStore.Stream.plan(drill.plan)).unit
                        return try Drill.evaluate(
                            rating: rating, report: report, on: on, findings: findings, today: session.today,
                            state: drill)
                    }
                    let calendar = try store.holidayCalendar(years: (on.year - 1)...(on.year + 1))
                    for (finding, action) in zip(findings, actions) {
                        let command = Finding.AddCommand(
                            code: finding, text: action, severity: .general, deadline: .within(within))
                        try session.apply(Finding.self, stream: PlannerStore.Stream.finding(finding)) { _ in
                            try Finding.raise(command, drill: code, unit: unit, on: on, calendar: calendar)
                        }
                    }
                    return findings
                }
                let list = raised.joined(separator: ", ")
                return .object(
                    [("code", .text(code)), ("findings", .list(raised.map(Value.text)))],
                    message: raised.isEmpty
                        ? L("evaluated \(code): \(rating.rawValue)", "已评估 \(code)：\(rating.rawValue)")
                        : L(
                            "evaluated \(code): \(rating.rawValue); raised \(list)",
                            "已评估 \(code)：\(rating.rawValue)；生成隐患 \(list)"))
            }
        },
    ]
}

/// Evacuation times: `210s`, `4m` or a bare number of seconds.
enum Seconds {
    static func parse(_ text: String, flag: String) throws(ShellError) -> Int {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count)
        guard let value = Int(digits), digits.count <= 6 else {
            throw ShellError.badValue(
                word: text, flag: flag, expected: L("a time such as 210s or 4m", "时长，如 210s 或 4m"))
        }
        switch unit {
        case "", "s": return value
        case "m": return value * 60
        default:
            throw ShellError.badValue(
                word: text, flag: flag, expected: L("a time such as 210s or 4m", "时长，如 210s 或 4m"))
        }
    }
}
