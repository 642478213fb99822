import Planner
import PlannerStore

extension CommandSpec {
    static let inspections: [CommandSpec] = [
        CommandSpec(
            path: ["inspection", "record"], aliases: [["检查", "登记"]], group: .inspections,
            syntax:
                "UNIT --on DATE [--inspector NAME] [--kind fire|production|school-surroundings|other] [--photo FILE]...",
            summary: L("Record an inspection of a unit", "登记对单位的检查"),
            example: "inspection record \"荣东万家商场\" --on 2017-01-08 --inspector 李检查 --kind fire",
            positionals: ["UNIT"],
            flags: [
                FlagSpec("on", "DATE", required: true), FlagSpec("inspector", "NAME"), FlagSpec("kind", "KIND"),
                FlagSpec("photo", "FILE"),
            ],
            roles: [.inspector]
        ) { args throws(ShellError) in
            let unitName = args.positional(0)
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let inspector = args.string("inspector")
            let kind = try args.choice("kind", InspectionKind.self)
            let photoPaths = args.strings("photo")
            return { session in
                let code = try session.write { store in
                    let unit = try session.load(Unit.self, PlannerStore.Stream.unit(unitName))
                    let photos = try session.attach(photoPaths)
                    let code = try store.nextCode("I")
                    try session.apply(Inspection.self, stream: PlannerStore.Stream.inspection(code), photos: photos) {
                        _ in
                        try Inspection.record(
                            code: code, unitName: unitName, unit: unit, on: date, inspector: inspector, kind: kind,
                            today: session.today)
                    }
                    return code
                }
                return .created(code, L("recorded inspection \(code) of \(unitName)", "已登记对 \(unitName) 的检查 \(code)"))
            }
        },
        CommandSpec(
            path: ["finding", "add"], aliases: [["隐患", "登记"]], group: .inspections,
            syntax:
                "I-n TEXT --severity general|major (--due DATE | --within DURATION) [--responsible NAME] [--photo FILE]...",
            summary: L(
                "Record a hazard (隐患) found in an inspection, with its rectification deadline", "登记检查发现的隐患及整改期限"),
            details: L(
                "--within counts from the inspection date: 7d calendar days, 5wd working days (weekends and statutory holidays skipped, make-up days counted). The deadline is fixed when recorded.",
                "--within 从检查日期起算：7d 为自然日，5wd 为工作日（跳过周末和法定假日，调休上班日计入）。期限在登记时即确定。"),
            example: "finding add I-1 \"安全出口堵塞\" --severity general --within 5wd", positionals: ["I-n", "TEXT"],
            flags: [
                FlagSpec("severity", "SEVERITY", required: true), FlagSpec("due", "DATE"),
                FlagSpec("within", "DURATION"), FlagSpec("responsible", "NAME"), FlagSpec("photo", "FILE"),
            ],
            roles: [.inspector]
        ) { args throws(ShellError) in
            let inspection = try Code.check(args.positional(0), kind: "I", what: L("inspection", "检查"))
            let text = args.positional(1)
            let severity = try args.choice("severity", Severity.self) ?? .general
            let deadline = try Deadlines.parse(args, command: "finding add")
            let responsible = args.string("responsible")
            let photoPaths = args.strings("photo")
            return { session in
                let code = try session.write { store in
                    let state = try session.existing(
                        Inspection.self, PlannerStore.Stream.inspection(inspection), L("inspection", "检查"), inspection
                    )
                    let calendar = try store.holidayCalendar(years: (state.on.year - 1)...(state.on.year + 1))
                    let photos = try session.attach(photoPaths)
                    let code = try store.nextCode("F")
                    let command = Finding.AddCommand(
                        code: code, text: text, severity: severity, deadline: deadline, responsible: responsible)
                    try session.apply(Finding.self, stream: PlannerStore.Stream.finding(code), photos: photos) { _ in
                        try Finding.add(command, inspection: state, calendar: calendar)
                    }
                    return code
                }
                return .created(code, L("recorded finding \(code)", "已登记隐患 \(code)"))
            }
        },
        CommandSpec(
            path: ["finding", "rectify"], aliases: [["隐患", "整改"]], group: .inspections,
            syntax: "F-n --on DATE [--note TEXT] [--photo FILE]...",
            summary: L("Record that a finding was rectified (整改)", "登记隐患已整改"),
            details: L(
                "--photo attaches a JPEG, PNG or PDF (at most 20 MB) as evidence, e.g. the photo after rectification; repeat it for several.",
                "--photo 附上 JPEG、PNG 或 PDF 文件（不超过 20 MB）作为证据，如整改后的照片；可重复使用。"),
            example: "finding rectify F-1 --on 2017-01-22", positionals: ["F-n"],
            flags: [FlagSpec("on", "DATE", required: true), FlagSpec("note", "TEXT"), FlagSpec("photo", "FILE")],
            roles: [.inspector]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "F", what: L("finding", "隐患"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let note = args.string("note")
            let photoPaths = args.strings("photo")
            return { session in
                try session.write { _ in
                    let photos = try session.attach(photoPaths)
                    try session.apply(
                        Finding.self, stream: PlannerStore.Stream.finding(code), mustExist: (L("finding", "隐患"), code),
                        photos: photos
                    ) {
                        try Finding.rectify(on: date, note: note, today: session.today, state: $0)
                    }
                }
                return .created(code, L("recorded the rectification of \(code)", "已登记 \(code) 的整改"))
            }
        },
        CommandSpec(
            path: ["finding", "verify"], aliases: [["隐患", "复查"]], group: .inspections,
            syntax: "F-n --on DATE --result pass|fail [--note TEXT] [--photo FILE]...",
            summary: L(
                "Record the re-inspection (复查): pass closes the finding, fail reopens it", "登记复查：通过则销号，不通过则重新整改"),
            example: "finding verify F-1 --on 2017-01-25 --result pass", positionals: ["F-n"],
            flags: [
                FlagSpec("on", "DATE", required: true), FlagSpec("result", "RESULT", required: true),
                FlagSpec("note", "TEXT"), FlagSpec("photo", "FILE"),
            ],
            roles: [.inspector]
        ) { args throws(ShellError) in
            let code = try Code.check(args.positional(0), kind: "F", what: L("finding", "隐患"))
            let date = try args.date("on") ?? LocalDate(dayNumber: 0)
            let result = try args.choice("result", VerificationResult.self) ?? .fail
            let note = args.string("note")
            let photoPaths = args.strings("photo")
            return { session in
                try session.write { _ in
                    let photos = try session.attach(photoPaths)
                    try session.apply(
                        Finding.self, stream: PlannerStore.Stream.finding(code), mustExist: (L("finding", "隐患"), code),
                        photos: photos
                    ) {
                        try Finding.verify(on: date, result: result, note: note, today: session.today, state: $0)
                    }
                }
                return .created(
                    code,
                    result == .pass
                        ? L("\(code) passed re-inspection and is closed", "\(code) 复查通过，已销号")
                        : L("\(code) failed re-inspection and is open again", "\(code) 复查未通过，重新整改"))
            }
        },
        CommandSpec(
            path: ["findings"], aliases: [["隐患"]], group: .reports, syntax: "[--open] [--overdue] [--community C]",
            summary: L("Findings and their status as of today", "截至今天的隐患及其状态"),
            example: "findings --overdue --community 江岸社区",
            flags: [FlagSpec("open"), FlagSpec("overdue"), FlagSpec("community", "C")]
        ) { args in
            let open = args.has("open")
            let overdue = args.has("overdue")
            let community = args.string("community")
            return { session in
                let rows = try session.store.findings(
                    session.asOf, openOnly: open, overdueOnly: overdue, community: community)
                return .table(
                    [
                        Column("finding", L("finding", "隐患")), Column("unit", L("unit", "单位")),
                        Column("community", L("community", "社区")), Column("severity", L("severity", "等级")),
                        Column("status", L("status", "状态")), Column("due", L("due", "整改期限")),
                        Column("days_overdue", L("days overdue", "逾期天数")),
                    ],
                    rows.map { row in
                        [
                            .text(row.finding), .text(row.unit), .text(row.community), .code(row.severity.rawValue),
                            .code(row.standing.status.rawValue), .date(row.due), .optional(row.standing.daysOverdue),
                        ]
                    })
            }
        },
    ]
}

/// Finding deadlines: `--due DATE` or `--within DURATION`, exactly one of them.
enum Deadlines {
    static func parse(_ args: Arguments, command: String, dueFlag: String = "due", withinFlag: String = "within")
        throws(ShellError) -> Finding.Deadline
    {
        switch (try args.date(dueFlag), try args.interval(withinFlag)) {
        case (let date?, nil): return .date(date)
        case (nil, let interval?): return .within(interval)
        case (nil, nil):
            throw ShellError(
                L(
                    "\(command) needs a deadline: --\(dueFlag) DATE or --\(withinFlag) DURATION",
                    "\(command) 需要整改期限：--\(dueFlag) DATE 或 --\(withinFlag) DURATION"))
        default:
            throw ShellError(
                L("give either --\(dueFlag) or --\(withinFlag), not both", "--\(dueFlag) 与 --\(withinFlag) 只能二选一"))
        }
    }
}
