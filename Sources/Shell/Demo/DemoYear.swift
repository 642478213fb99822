import Planner

/// A realistic year for a street office like the one Vigil is for, as the commands its staff
/// would type, day by day: eleven communities, their schools, kindergartens, enterprises and
/// crowded places, plans and drills (some overdue), weekly, monthly, quarterly and holiday
/// publicity with realistic gaps, inspections and hazards. Deterministic for a given end date.
public struct DemoYear {
    public let end: LocalDate
    public var start: LocalDate { end.adding(months: -12) }
    private var state: UInt64 = 2017

    public init(endingOn end: LocalDate) {
        self.end = end
    }

    static let communities = [
        "古田一路社区", "古田二路社区", "古田三路社区", "古田四路社区", "桃源社区", "易家墩社区",
        "江岸社区", "汉水湾社区", "长丰社区", "荣东社区", "民意社区",
    ]

    /// (name, community index, kind, key fire-safety unit)
    static let units: [(String, Int, UnitKind, Bool)] = [
        ("桃源实验中学", 4, .middleSchool, true), ("长丰中学", 8, .middleSchool, true),
        ("古田育才小学", 1, .primarySchool, false), ("易家第一小学", 5, .primarySchool, false),
        ("汉水第一小学", 7, .primarySchool, false), ("荣东小学", 9, .primarySchool, false),
        ("民意小学", 10, .primarySchool, false),
        ("古田一路幼儿园", 0, .kindergarten, false), ("古田三路幼儿园", 2, .kindergarten, false),
        ("古田四路幼儿园", 3, .kindergarten, false), ("桃源幼儿园", 4, .kindergarten, false),
        ("易家幼儿园", 5, .kindergarten, false), ("江岸幼儿园", 6, .kindergarten, false),
        ("汉水红星幼儿园", 7, .kindergarten, false), ("长丰幼儿园", 8, .kindergarten, false),
        ("荣东幼儿园", 9, .kindergarten, false), ("民意幼儿园", 10, .kindergarten, false),
        ("桃源长江机械厂", 4, .enterprise, false), ("荣东电子厂", 9, .enterprise, false),
        ("古田食品厂", 1, .enterprise, false), ("江岸化工储运站", 6, .hazardous, true),
        ("荣东万家商场", 9, .crowdedPlace, true), ("汉水湾农贸市场", 7, .crowdedPlace, false),
        ("长丰影城", 8, .crowdedPlace, true), ("易家街道办事处", 5, .government, false),
    ]

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }

    /// The commands in the order they are typed, with `set today` before each day's work.
    public mutating func commands(calendar: HolidayCalendar, catalogue: RuleCatalogue = RuleCatalogue()) -> [String] {
        var dated: [(LocalDate, Int, String)] = []
        let (first, last) = (start, end)
        func at(_ date: LocalDate, _ command: String) {
            guard date <= last else { return }
            dated.append((max(date, first), dated.count, command))
        }
        let setup = start
        for community in Self.communities { at(setup, "community add \(community)") }
        for unit in Self.units {
            at(
                setup,
                "unit add \(unit.0) --community \(Self.communities[unit.1]) --kind \(unit.2.rawValue)"
                    + (unit.3 ? " --key-fire-unit" : ""))
        }
        // Plans: one evacuation plan per unit, cadence from the rules; a comprehensive plan at the
        // schools and the hazardous and crowded places.
        var plans: [(code: String, months: Int)] = []
        for unit in Self.units {
            let isSchool = unit.2 == .primarySchool || unit.2 == .middleSchool
            for level in isSchool || unit.3 ? [PlanLevel.special, .comprehensive] : [.special] {
                let months =
                    catalogue.drillCadence(kind: unit.2, keyFireUnit: unit.3, level: level, on: setup)?.months ?? 12
                plans.append(("P-\(plans.count + 1)", months))
                let name = unit.0 + (level == .special ? "火灾疏散预案" : "综合应急预案")
                at(setup, "plan add \(name) --unit \(unit.0) --level \(level.rawValue) --hazard 火灾 --from \(setup)")
            }
        }
        // Drills: on cadence, with one in six skipped and a few scheduled but never recorded.
        var drills = 0
        for plan in plans {
            var day = setup.adding(days: 5 + next(20))
            while day <= end {
                drills += 1
                at(
                    day.adding(days: -7),
                    "drill schedule \(plan.code) --on \(day) --form live --scope single --scenario 火灾疏散 ‹\(drills)›")
                switch next(12) {
                case 0, 1: break
                case 2: at(day.adding(days: 1), "drill cancel ‹\(drills)› --reason 天气原因")
                default:
                    at(
                        day,
                        "drill record ‹\(drills)› --on \(day) --participants \(30 + next(900)) --evacuation \(90 + next(240))s"
                    )
                    if next(4) == 0 {
                        at(
                            day.adding(days: 2),
                            "drill evaluate ‹\(drills)› --on \(day.adding(days: 2)) --rating \(["good", "adequate", "poor"][next(3)])"
                        )
                    }
                }
                day = day.adding(months: plan.months).adding(days: next(10) - 3 + (next(8) == 0 ? 45 : 0))
            }
        }
        publicity(calendar: calendar, at: at)
        inspections(at: at)
        let ordered = dated.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        // Drill codes are given in the order the schedules are typed, which is not the order
        // they were generated in: placeholders ‹n› become D-codes here.
        var lines: [String] = []
        var today: LocalDate?
        var codes: [String: String] = [:]
        for (date, _, command) in ordered {
            if date != today {
                lines.append("set today \(date)")
                today = date
            }
            var line = command
            if let open = line.firstIndex(of: "‹"), let close = line.firstIndex(of: "›") {
                let key = String(line[line.index(after: open)..<close])
                if line.hasPrefix("drill schedule") {
                    codes[key] = "D-\(codes.count + 1)"
                    line = String(line[..<open]).trimmingSuffix()
                } else {
                    line.replaceSubrange(open...close, with: codes[key] ?? "D-0")
                }
            }
            lines.append(line)
        }
        return lines
    }

    private mutating func publicity(calendar: HolidayCalendar, at: (LocalDate, String) -> Void) {
        let campaigns: [(String, Schedule)] = [
            ("消防安全周宣传", .weekly), ("安全生产月度宣传", .monthly), ("季度综合宣传", .quarterly),
            ("节日消防宣传", .holiday(windowDays: 7)),
            ("119消防宣传", .fixedDay(.date(month: 11, day: 9), windowDays: 7)), ("安全生产月", .fixedMonth(6)),
        ]
        for campaign in campaigns {
            at(start, "campaign define \(campaign.0) \(campaign.1.flags)")
        }
        for campaign in campaigns {
            let periods = (start.year...end.year).flatMap {
                Period.periods(campaign.1, selection: .year($0), calendar: calendar)
            }.filter { $0.start >= start }
            for period in periods {
                for (index, community) in Self.communities.enumerated() where next(100) >= 8 + index {
                    let length = period.start.days(until: period.end)
                    let on = period.start.adding(days: next(length + 1))
                    at(
                        on.adding(days: next(3)),
                        "campaign log \(campaign.0) --community \(community) --on \(on) --activity \(["宣传点", "入户宣传", "消防讲座", "应急培训"][next(4)]) --leaflets \(20 + next(380)) --attendees \(next(150))"
                    )
                }
            }
        }
    }

    private mutating func inspections(at: (LocalDate, String) -> Void) {
        var inspection = 0
        var finding = 0
        var day = start.adding(days: 10)
        while day <= end {
            for _ in 0..<4 {
                let unit = Self.units[next(Self.units.count)].0
                inspection += 1
                at(
                    day,
                    "inspection record \(unit) --on \(day) --inspector \(["李检查", "王安全", "张消防"][next(3)]) --kind fire")
                guard next(2) == 0 else { continue }
                finding += 1
                let major = next(15) == 0
                let hazard = ["安全出口堵塞", "灭火器过期", "疏散指示灯损坏", "电线私拉乱接", "消防通道占用"][next(5)]
                at(
                    day,
                    "finding add I-\(inspection) \(hazard) --severity \(major ? "major" : "general") --within \(5 + next(10))wd --responsible \(unit)负责人"
                )
                if major {
                    at(day.adding(days: 1), "finding report F-\(finding) --on \(day.adding(days: 1)) --to 区应急管理局")
                }
                if next(5) != 0 {
                    let fixed = day.adding(days: 3 + next(20))
                    at(fixed, "finding rectify F-\(finding) --on \(fixed)")
                    at(
                        fixed.adding(days: 3),
                        "finding verify F-\(finding) --on \(fixed.adding(days: 3)) --result \(next(6) == 0 ? "fail" : "pass")"
                    )
                }
            }
            day = day.adding(days: 14 + next(10))
        }
    }
}

extension String {
    fileprivate func trimmingSuffix() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
