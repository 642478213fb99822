import EventStore
import Foundation
import Planner
import PlannerStore

extension CommandSpec {
    static let session: [CommandSpec] = [
        CommandSpec(
            path: ["set", "today"], group: .session, syntax: "DATE",
            summary: L(
                "Ask every report as of this date (unset today returns to the clock)", "将报表的截止日期设为该日（unset today 恢复为当天）"
            ),
            example: "set today 2017-12-31", positionals: ["DATE"]
        ) { args throws(ShellError) in
            let date = try Arguments.date(args.positional(0), flag: "today")
            return { session in
                session.todayOverride = date
                return .object([("today", .date(date))], message: L("today is \(date)", "今天设为 \(date)"))
            }
        },
        CommandSpec(
            path: ["unset", "today"], group: .session, syntax: "", summary: L("Follow the clock again", "恢复为当天日期"),
            example: "unset today"
        ) { _ in
            { session in
                session.todayOverride = nil
                return .object(
                    [("today", .date(session.today))],
                    message: L("today follows the clock (\(session.today))", "今天恢复为 \(session.today)"))
            }
        },
        CommandSpec(
            path: ["set", "format"], group: .session, syntax: "table|csv|json",
            summary: L("Choose the output format", "选择输出格式"), example: "set format csv", positionals: ["FORMAT"]
        ) { args throws(ShellError) in
            let format = try Arguments.choice(args.positional(0), Format.self, flag: "format")
            return { session in
                session.format = format
                return .object(
                    [("format", .text(format.rawValue))],
                    message: L("format is \(format.rawValue)", "输出格式为 \(format.rawValue)"))
            }
        },
        CommandSpec(
            path: ["set", "recorded-as-of"], group: .session, syntax: "INSTANT",
            summary: L("Report as the log stood at an instant (late entries excluded)", "按某一时刻的记录出报表（不含之后补录的内容）"),
            details: L(
                "INSTANT: a date (end of that day, office time) or 'YYYY-MM-DD HH:MM[:SS]'.",
                "INSTANT：日期（当天结束，办公地时间）或 'YYYY-MM-DD HH:MM[:SS]'。"),
            example: "set recorded-as-of '2018-01-05 17:30'", positionals: ["INSTANT"]
        ) { args throws(ShellError) in
            let text = args.positional(0)
            return { session in
                let instant = try Instant.parse(text, timeZone: session.timeZone)
                session.recordedAsOf = instant
                return .object(
                    [("recorded_as_of", .text(text))],
                    message: L("reports show the log as recorded by \(text)", "报表按 \(text) 时的记录显示"))
            }
        },
        CommandSpec(
            path: ["unset", "recorded-as-of"], group: .session, syntax: "",
            summary: L("Report on the whole log again", "恢复按全部记录出报表"), example: "unset recorded-as-of"
        ) { _ in
            { session in
                session.recordedAsOf = nil
                return .object([("recorded_as_of", .null)], message: L("reports show the whole log", "报表按全部记录显示"))
            }
        },
        CommandSpec(
            path: ["history"], aliases: [["历史"]], group: .reports, syntax: "REF",
            summary: L("The events of one record, oldest first: when, who, what", "某条记录的全部事件（按时间顺序）：时间、操作人、内容"),
            details: L(
                "REF: a code (P-3, D-1, A-7, I-2, F-4), or a community, unit or campaign name, or a year of holidays.",
                "REF：编号（P-3、D-1、A-7、I-2、F-4），或社区、单位、宣传活动名称，或节假日年份。"),
            example: "history D-1", positionals: ["REF"]
        ) { args in
            let reference = args.positional(0)
            return { session in
                let stream = try session.stream(for: reference)
                let events = try session.store.events.read(stream: stream)
                return .table(
                    [
                        Column("version", L("#", "#")), Column("recorded_at", L("recorded", "记录时间")),
                        Column("actor", L("actor", "操作人")), Column("type", L("event", "事件")),
                        Column("data", L("data", "内容")),
                    ],
                    events.map { event in
                        [
                            .int(event.streamVersion), .text(session.recordedTime(event.recordedAt)),
                            .optional(event.actor), .text(event.type), .text(event.data),
                        ]
                    })
            }
        },
        CommandSpec(
            path: ["whoami"], group: .session, syntax: "",
            summary: L("Who you are connected as, and your roles", "当前登录的用户及其角色"),
            example: "whoami"
        ) { _ in
            { session in
                let roles = session.roles.sorted().map(\.rawValue)
                // What the database will let this user record here, as it decides it.
                let kinds = try session.store.recordableStreamKinds()
                let records = kinds.isEmpty ? "-" : kinds.joined(separator: ", ")
                return .object(
                    [
                        ("user", .text(session.store.user)), ("database", .text(session.store.database)),
                        ("roles", .list(roles.map(Value.text))), ("may_record", .list(kinds.map(Value.text))),
                    ],
                    message: L(
                        "\(session.store.user)@\(session.store.database): \(roles.joined(separator: ", ")); may record: \(records)",
                        "\(session.store.user)@\(session.store.database)：\(roles.joined(separator: "、"))；可登记：\(records)"
                    ))
            }
        },
        CommandSpec(
            path: ["rules"], aliases: [["规则"]], group: .reports, syntax: "[for UNIT]",
            summary: L(
                "The legal cadences Vigil knows, with their sources; 'rules for UNIT' explains a unit's",
                "Vigil 掌握的法定频次及其依据；rules for 单位 说明适用于该单位的规则"),
            details: L(
                "Status: LAW read in the law, FOUND in an official reply or a page quoting it, MEMORY not yet confirmed, LOCAL from the office's own rule file (VIGIL_RULES=rules.json). Where several rules apply, the strictest in force wins. A publicity rule shows the campaign that keeps it: campaign define NAME followed by those flags (the fixed days: 119 全国消防日, 安全生产月, 全国防灾减灾日, …).",
                "核实：LAW 法律原文，FOUND 官方答复或引用原文的页面，MEMORY 尚未核实，LOCAL 来自本单位规则文件（VIGIL_RULES=rules.json）。多条规则同时适用时，取现行最严格者。宣传类规则给出对应的宣传活动定义：campaign define 名称 加上这些参数（固定宣传日：119 全国消防日、安全生产月、全国防灾减灾日等）。"
            ),
            example: "rules for \"江岸化工储运站\"", positionals: []
        ) { _ in
            { session in ruleTable(session.catalogue.rules, decided: []) }
        },
        CommandSpec(
            path: ["rules", "for"], group: .reports, syntax: "UNIT",
            summary: L(
                "Which rules apply to a unit, and which one decides each level of plan", "适用于某单位的规则，以及决定各级预案演练周期的规则"),
            example: "rules for \"江岸化工储运站\"", positionals: ["UNIT"]
        ) { args in
            let name = args.positional(0)
            return { session in
                let unit = try session.existing(Unit.self, PlannerStore.Stream.unit(name), L("unit", "单位"), name)
                let rules = session.catalogue.rules(kind: unit.kind, keyFireUnit: unit.keyFireUnit, on: session.today)
                let decided = PlanLevel.allCases.compactMap { level in
                    session.catalogue.drillCadence(
                        kind: unit.kind, keyFireUnit: unit.keyFireUnit, level: level, on: session.today
                    )
                    .map { (level, $0.id) }
                }
                return ruleTable(rules, decided: decided)
            }
        },
    ]

    private static func ruleTable(_ rules: [Rule], decided: [(PlanLevel, String)]) -> Output {
        .table(
            [
                Column("rule", L("rule", "规则")), Column("obligation", L("obligation", "义务")),
                Column("cadence", L("cadence", "频次")), Column("applies_to", L("applies to", "适用对象")),
                Column("in_force", L("in force", "施行")), Column("source", L("source", "依据")),
                Column("status", L("status", "核实")), Column("decides", L("decides drills of", "决定演练周期")),
                Column("campaign", L("kept by a campaign", "对应的宣传活动定义")),
            ],
            rules.map { rule in
                [
                    .text(rule.id), .text(rule.summary), .text(rule.cadenceText), .text(rule.scopeText),
                    .date(rule.inForce), .text(rule.source), .text(rule.status.rawValue),
                    .list(decided.filter { $0.1 == rule.id }.map { .text($0.0.rawValue) }),
                    rule.campaign.map { .text($0.flags) } ?? .null,
                ]
            })
    }
}

extension Session {
    /// The stream a user's reference names: a code, a year of holidays, or a name.
    func stream(for reference: String) throws -> String {
        if let stream = PlannerStore.Stream.forCode(reference) { return stream }
        if let year = Int(reference), (1900...2200).contains(year) { return PlannerStore.Stream.holidays(year) }
        for stream in [
            PlannerStore.Stream.community(reference), PlannerStore.Stream.unit(reference),
            PlannerStore.Stream.campaign(reference),
        ]
        where try store.events.version(of: stream) > 0 {
            return stream
        }
        throw ShellError(
            L(
                "no record named \(reference): give a code (P-3, D-1, …) or a community, unit or campaign name",
                "没有名为 \(reference) 的记录：请给出编号（P-3、D-1 等）或社区、单位、宣传活动名称"))
    }
}

/// Instants for `set recorded-as-of`: a date means the end of that day in the office's zone.
enum Instant {
    static func parse(_ text: String, timeZone: TimeZone) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let date = LocalDate(text) {
            let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
            if let start, let end = calendar.date(byAdding: .day, value: 1, to: start) {
                return end.addingTimeInterval(-0.000001)
            }
        }
        for pattern in [
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss",
        ] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = pattern
            if let date = formatter.date(from: text) { return date }
        }
        throw ShellError.badValue(
            word: text, flag: "recorded-as-of",
            expected: L("a date YYYY-MM-DD or 'YYYY-MM-DD HH:MM'", "日期 YYYY-MM-DD 或 'YYYY-MM-DD HH:MM'"))
    }
}
