import Planner
import PlannerStore

extension CommandSpec {
    /// The extra steps of a major finding (重大隐患).
    static let majorFindings: [CommandSpec] = [
        CommandSpec(
            path: ["finding", "report"], group: .inspections, syntax: "F-n --on DATE [--to AUTHORITY]",
            summary: L("Record that a major finding was reported to the authority", "登记重大隐患已上报主管部门"),
            example: "finding report F-9 --on 2017-05-03 --to 区应急管理局", positionals: ["F-n"],
            flags: [FlagSpec("on", "DATE", required: true), FlagSpec("to", "AUTHORITY")], roles: [.inspector]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "F", what: L("finding", "隐患"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let authority = args.string("to")
            return majorStep(code, L("recorded the report of \(code)", "已登记 \(code) 的上报")) { session, state in
                try Finding.report(on: date, authority: authority, today: session.today, state: state)
            }
        },
        CommandSpec(
            path: ["finding", "remediation"], group: .inspections, syntax: "F-n --on DATE --plan TEXT --due DATE",
            summary: L("Record a major finding's remediation plan and its deadline", "登记重大隐患的治理方案及期限"),
            example: "finding remediation F-9 --on 2017-05-05 --plan \"更换储罐阀门\" --due 2017-06-30", positionals: ["F-n"],
            flags: [
                FlagSpec("on", "DATE", required: true), FlagSpec("plan", "TEXT", required: true),
                FlagSpec("due", "DATE", required: true),
            ],
            roles: [.inspector]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "F", what: L("finding", "隐患"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let plan = args.string("plan") ?? ""
            let due = try args.date("due") ?? LocalDate(dayNumber: 0)
            return majorStep(code, L("recorded the remediation plan of \(code)", "已登记 \(code) 的治理方案")) {
                session, state in
                try Finding.planRemediation(on: date, plan: plan, due: due, today: session.today, state: state)
            }
        },
        CommandSpec(
            path: ["finding", "evaluate"], group: .inspections, syntax: "F-n --on DATE [--note TEXT]",
            summary: L("Record the evaluation of a major finding after treatment", "登记重大隐患治理后的评估"),
            example: "finding evaluate F-9 --on 2017-07-02 --note 治理达标", positionals: ["F-n"],
            flags: [FlagSpec("on", "DATE", required: true), FlagSpec("note", "TEXT")], roles: [.inspector]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "F", what: L("finding", "隐患"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let note = args.string("note")
            return majorStep(code, L("recorded the evaluation of \(code)", "已登记 \(code) 的评估")) { session, state in
                try Finding.evaluate(on: date, note: note, today: session.today, state: state)
            }
        },
        CommandSpec(
            path: ["finding", "writeoff"], group: .inspections, syntax: "F-n --on DATE --approved-by NAME",
            summary: L(
                "Write a major finding off (核销) after its report, evaluation and passed re-inspection",
                "重大隐患核销（须已上报、已评估、复查通过）"),
            example: "finding writeoff F-9 --on 2017-07-05 --approved-by 王主任", positionals: ["F-n"],
            flags: [FlagSpec("on", "DATE", required: true), FlagSpec("approved-by", "NAME", required: true)],
            roles: [.inspector]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "F", what: L("finding", "隐患"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let approver = args.string("approved-by") ?? ""
            return majorStep(code, L("wrote \(code) off", "\(code) 已核销")) { session, state in
                try Finding.writeOff(on: date, approvedBy: approver, today: session.today, state: state)
            }
        },
    ]

    /// One step on an existing finding, decided against its state.
    private static func majorStep(
        _ code: String, _ message: L, _ decide: @escaping (Session, Finding) throws -> [Event]
    )
        -> Action
    {
        { session in
            try session.write { _ in
                try session.apply(
                    Finding.self, stream: PlannerStore.Stream.finding(code), mustExist: (L("finding", "隐患"), code)
                ) { try decide(session, $0) }
            }
            return .created(code, message)
        }
    }
}

extension CommandSpec {
    static let findingStatistics = CommandSpec(
        path: ["findings", "stats"], aliases: [["隐患", "统计"]], group: .reports,
        syntax: "[--year Y] [--quarter 1-4] [--community C]",
        summary: L(
            "隐患排查治理 statistics: findings by severity and status per community, for a year or quarter",
            "隐患排查治理统计：按社区统计某年或某季度的隐患等级与状态"),
        example: "findings stats --year 2017 --quarter 3",
        flags: [FlagSpec("year", "Y"), FlagSpec("quarter", "Q"), FlagSpec("community", "C")]
    ) { args throws(ShellError) in
        let year = try Compliance.year(args)
        let quarter = try args.string("quarter").map { text throws(ShellError) -> Int in
            guard let quarter = Int(text), (1...4).contains(quarter) else {
                throw ShellError.badValue(word: text, flag: "--quarter", expected: L("1, 2, 3 or 4", "1、2、3 或 4"))
            }
            return quarter
        }
        let community = args.string("community")
        return { session in
            let y = year ?? session.today.year
            let firstMonth = quarter.map { ($0 - 1) * 3 + 1 } ?? 1
            let from = LocalDate(year: y, month: firstMonth, day: 1) ?? session.today
            let to = from.adding(months: quarter == nil ? 12 : 3).adding(days: -1)
            let rows = try session.store.findingStatistics(session.asOf, from: from, to: to, community: community)
            return .table(
                [
                    Column("community", L("community", "社区")), Column("general_found", L("general found", "一般隐患")),
                    Column("general_closed", L("general closed", "一般已销号")),
                    Column("major_found", L("major found", "重大隐患")),
                    Column("major_closed", L("major closed", "重大已复查")),
                    Column("major_written_off", L("major written off", "重大已核销")),
                    Column("open", L("open", "未整改")), Column("overdue", L("overdue", "逾期")),
                ],
                rows.map { row in
                    [
                        .text(row.community), .int(row.generalFound), .int(row.generalClosed), .int(row.majorFound),
                        .int(row.majorClosed), .int(row.majorWrittenOff), .int(row.open), .int(row.overdue),
                    ]
                })
        }
    }
}
