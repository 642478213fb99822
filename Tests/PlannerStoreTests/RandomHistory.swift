import Foundation
import Planner
import Shell
import ShellHarness
import TestSupport

/// A deterministic source of random numbers: the same seed gives the same history.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func chance(_ oneIn: Int) -> Bool { next(oneIn) == 0 }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[next(items.count)] }
}

/// A random street history written through the shell, so the log holds only what the
/// deciders accepted: plans with random cadences and starts (month ends on purpose), drills
/// scheduled, rescheduled, held, cancelled, evaluated and corrected, plans revised and evaluated,
/// retirements, unit reclassifications and closures, inspections and findings followed through
/// rectification and re-inspection (major ones through report, remediation plan, evaluation
/// and write-off) and corrected, campaign activities and retractions, and a community added a third of the
/// way. The kinds are interleaved, so each kind of event is
/// recorded between events of the others.
struct RandomHistory {
    static let today = "2025-12-31"
    static let communities = ["江岸社区", "汉水湾社区", "桃源社区"]
    static let lateCommunity = "新港社区"
    static let units: [(name: String, community: String, kind: String)] = [
        ("江岸小学", "江岸社区", "primary-school"), ("汉水幼儿园", "汉水湾社区", "kindergarten"),
        ("桃源机械厂", "桃源社区", "enterprise"), ("桃源商场", "桃源社区", "crowded-place"),
        ("江岸化工仓库", "江岸社区", "hazardous"), ("汉水湾小区", "汉水湾社区", "residential"),
    ]
    static let campaigns = [
        "campaign define 周宣传 --cadence weekly", "campaign define 月宣传 --cadence monthly --communities 江岸社区,桃源社区",
        "campaign define 季宣传 --cadence quarterly", "campaign define 节日宣传 --cadence holiday --window 5d",
    ]
    static let campaignNames = ["周宣传", "月宣传", "季宣传", "节日宣传"]
    /// Dates of events fall from here over the next 900 days (to mid-2025).
    static let epoch = LocalDate(year: 2023, month: 1, day: 1) ?? LocalDate(dayNumber: 0)
    static let monthEnds = ["2023-01-31", "2023-03-31", "2023-08-31", "2024-01-31", "2024-02-29"]

    private var random: SeededRandom
    /// The corrections' own random numbers, so that adding them left the other commands of a
    /// seed as they were.
    private var corrections: SeededRandom
    private var communities = RandomHistory.communities
    private var plans = 0
    private var drills: [String: LocalDate] = [:]
    /// The dates drills were held on, so an evaluation can follow.
    private var held: [String: LocalDate] = [:]
    private var drillCount = 0
    private var inspections: [LocalDate] = []
    /// Each finding's latest step date and status, so the next step is one its decider accepts.
    private var findings: [(last: LocalDate, status: Finding.Status)] = []
    /// The major findings' extra steps so far, by finding index: the latest step's date and
    /// which have been taken.
    private var majors: [Int: Major] = [:]
    private var activities = 0

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
        corrections = SeededRandom(seed: seed &+ 0x9E37_79B9)
    }

    /// Writes the street and `steps` random commands; returns how many of those were accepted.
    mutating func write(to shell: ShellHarness, steps: Int = 260) throws -> Int {
        let setup =
            Self.communities.map { "community add \($0)" }
            + Self.units.map { "unit add \($0.name) --community \($0.community) --kind \($0.kind)" } + Self.campaigns
        for line in setup where shell.run(line) != .ok {
            throw HistoryError(line: line, errors: shell.errors)
        }
        var accepted = 0
        for step in 0..<steps {
            if step == steps / 3 {
                guard shell.run("community add \(Self.lateCommunity)") == .ok else {
                    throw HistoryError(line: "community add \(Self.lateCommunity)", errors: shell.errors)
                }
                communities.append(Self.lateCommunity)
            }
            // Two closures at fixed points, so every history has some, and more at random.
            let command =
                step == steps * 2 / 3 || step == steps * 5 / 6 ? closure() : nextCommand(late: step > steps / 2)
            if let command, try run(command, in: shell) { accepted += 1 }
            // A correction every few steps, between the other kinds.
            if step % 9 == 8, let correction = correction(), try run(correction, in: shell) { accepted += 1 }
        }
        return accepted
    }

    private mutating func run(_ command: Command, in shell: ShellHarness) throws -> Bool {
        let outcome = shell.run(command.line)
        guard outcome == .ok || outcome == .refused else {
            throw HistoryError(line: command.line, errors: shell.errors)
        }
        guard outcome == .ok else { return false }
        switch command.creates {
        case .plan: plans += 1
        case .drill(let on):
            drillCount += 1
            if let on { drills["D-\(drillCount)"] = on }
        case .heldUnscheduled(let on):
            drillCount += 1
            held["D-\(drillCount)"] = on
        case .held(let drill, let on): held[drill] = on
        case .rescheduled(let drill, let on): drills[drill] = on
        case .inspection(let on): inspections.append(on)
        case .finding(let on, let major):
            if major { majors[findings.count] = Major(last: on) }
            findings.append((on, .open))
        case .step(let index, let on, let status):
            findings[index] = (on, status)
            if let major = majors[index] { majors[index]?.last = max(major.last, on) }
        case .major(let index, let step, let on):
            let last = majors[index]?.last ?? on
            majors[index]?.taken.insert(step)
            majors[index]?.last = max(last, on)
        case .activity: activities += 1
        case nil: break
        }
        return true
    }

    private mutating func day() -> LocalDate { Self.epoch.adding(days: random.next(900)) }

    /// A unit closed in the second half of the period, when its plans have begun to owe drills.
    private mutating func closure() -> Command? {
        guard let unit = random.pick(Self.units) else { return nil }
        return Command("unit close \(unit.name) --on \(Self.epoch.adding(days: 300 + random.next(600)))", nil)
    }

    private mutating func code(_ prefix: String, _ count: Int) -> String {
        "\(prefix)-\(1 + random.next(max(count, 1)))"
    }

    private mutating func nextCommand(late: Bool) -> Command? {
        switch random.next(37) {
        case 0, 1:
            let unit = random.pick(Self.units)?.name ?? ""
            let start =
                random.chance(4)
                ? (random.pick(Self.monthEnds) ?? "") : Self.epoch.adding(days: random.next(600)).description
            let every = random.pick([1, 2, 3, 6, 12]) ?? 1
            return Command(
                "plan add 预案\(plans + 1) --unit \(unit) --level special --every \(every)m --from \(start)", .plan)
        case 2, 3, 4:
            let on = day()
            return Command("drill record \(code("P", plans)) --on \(on)", .heldUnscheduled(on))
        case 5, 33, 34, 35:
            let on = day()
            return Command("drill schedule \(code("P", plans)) --on \(on)", .drill(on))
        case 6:
            let drill = code("D", drillCount)
            let on = (drills[drill] ?? day()).adding(days: random.next(30) - 10)
            return Command("drill record \(drill) --on \(on) --participants \(random.next(500))", .held(drill, on))
        case 7:
            guard let drill = random.pick(drills.keys.sorted()) else { return nil }
            return Command("drill cancel \(drill) --reason 天气原因", nil)
        case 8: return Command("plan retire \(code("P", plans)) --on \(day())", nil)
        case 9: return late && random.chance(3) ? closure() : nil
        case 10:
            let on = day()
            return Command(
                "inspection record \(random.pick(Self.units)?.name ?? "") --on \(on) --kind fire", .inspection(on))
        case 11, 12:
            guard !inspections.isEmpty else { return nil }
            let index = random.next(inspections.count)
            let deadline = random.chance(2) ? "--within \(1 + random.next(20))wd" : "--within \(1 + random.next(40))d"
            let severity = random.chance(3) ? "major" : "general"
            return Command(
                "finding add I-\(index + 1) 隐患\(findings.count + 1) --severity \(severity) \(deadline)",
                .finding(inspections[index], major: severity == "major"))
        case 13, 14, 15, 16:
            guard !findings.isEmpty else { return nil }
            return findingStep(random.next(findings.count))
        case 17, 18, 19, 20:
            let campaign = random.pick(Self.campaignNames) ?? ""
            let community = random.pick(communities) ?? ""
            return Command(
                "campaign log \(campaign) --community \(community) --on \(day()) --leaflets \(random.next(300))",
                .activity)
        case 21: return Command("campaign retract \(code("A", activities)) --reason 录入重复", nil)
        case 22:
            guard let drill = random.pick(drills.keys.sorted()) else { return nil }
            let on = (drills[drill] ?? day()).adding(days: random.next(40) - 10)
            return Command("drill reschedule \(drill) --on \(on) --reason 改期", .rescheduled(drill, on))
        case 23:
            guard let (drill, on) = random.pick(held.sorted { $0.key < $1.key }) else { return nil }
            let rating = random.pick(DrillRating.allCases)?.rawValue ?? "good"
            return Command("drill evaluate \(drill) --rating \(rating) --on \(on.adding(days: random.next(20)))", nil)
        case 24, 25, 26, 27, 28, 29: return majorStep()
        case 30:
            guard let unit = random.pick(Self.units)?.name, let kind = random.pick(UnitKind.allCases) else {
                return nil
            }
            return Command("unit reclassify \(unit) --kind \(kind.rawValue)", nil)
        case 31, 32: return Command("plan revise \(code("P", plans)) --on \(day()) --reason 修订", nil)
        default: return Command("plan evaluate \(code("P", plans)) --on \(day())", nil)
        }
    }

    /// A held drill's date or head count corrected (a date may be refused: before its plan took
    /// effect, after its evaluation), or a finding's deadline or severity.
    private mutating func correction() -> Command? {
        if corrections.chance(2) {
            guard let (drill, on) = corrections.pick(held.sorted { $0.key < $1.key }) else { return nil }
            if corrections.chance(3) {
                return Command("drill correct \(drill) --participants \(corrections.next(500)) --reason 人数有误", nil)
            }
            let corrected = on.adding(days: corrections.next(21) - 10)
            return Command("drill correct \(drill) --on \(corrected) --reason 日期有误", .held(drill, corrected))
        }
        guard !findings.isEmpty else { return nil }
        let index = corrections.next(findings.count)
        let flag =
            corrections.chance(3)
            ? "--severity \(corrections.chance(2) ? "major" : "general")"
            : "--due \(findings[index].last.adding(days: corrections.next(40)))"
        return Command("finding correct F-\(index + 1) \(flag) --reason 登记有误", nil)
    }

    /// The next rectification or re-inspection of finding `index`, if it is not closed.
    private mutating func findingStep(_ index: Int) -> Command? {
        let on = findings[index].last.adding(days: random.next(45))
        switch findings[index].status {
        case .open: return Command("finding rectify F-\(index + 1) --on \(on)", .step(index, on, .rectified))
        case .rectified:
            let pass = !random.chance(3)
            return Command(
                "finding verify F-\(index + 1) --on \(on) --result \(pass ? "pass" : "fail")",
                .step(index, on, pass ? .closed : .open))
        case .closed: return nil
        }
    }

    /// The next step of a random major finding (重大隐患): report, remediation plan, evaluation
    /// once treated, write-off once re-inspected and passed.
    private mutating func majorStep() -> Command? {
        guard let index = random.pick(majors.keys.sorted()), let major = majors[index] else { return nil }
        let code = "F-\(index + 1)"
        let on = major.last.adding(days: random.next(20))
        if !major.taken.contains(.report) {
            return Command("finding report \(code) --on \(on) --to 区应急管理局", .major(index, .report, on))
        }
        if !major.taken.contains(.remediation) && findings[index].status != .closed && random.chance(2) {
            return Command(
                "finding remediation \(code) --on \(on) --plan 治理方案 --due \(on.adding(days: 30))",
                .major(index, .remediation, on))
        }
        if !major.taken.contains(.evaluation) && findings[index].status != .open {
            return Command("finding evaluate \(code) --on \(on)", .major(index, .evaluation, on))
        }
        if major.taken.contains(.evaluation) && !major.taken.contains(.writeOff) && findings[index].status == .closed {
            return Command("finding writeoff \(code) --on \(on) --approved-by 王主任", .major(index, .writeOff, on))
        }
        // Waiting for its rectification or re-inspection: take that step instead.
        return findingStep(index)
    }

    /// A major finding's extra steps taken so far, and the latest date among its steps.
    private struct Major {
        enum Step { case report, remediation, evaluation, writeOff }
        var last: LocalDate
        var taken: Set<Step> = []
    }

    /// A command line and what it creates when accepted, so later commands can name it.
    private struct Command {
        enum Creates {
            case plan, activity
            case drill(LocalDate?)
            case heldUnscheduled(LocalDate)
            case held(String, LocalDate)
            case rescheduled(String, LocalDate)
            case inspection(LocalDate)
            case finding(LocalDate, major: Bool)
            case step(Int, LocalDate, Finding.Status)
            case major(Int, Major.Step, LocalDate)
        }

        var line: String
        var creates: Creates?

        init(_ line: String, _ creates: Creates?) {
            self.line = line
            self.creates = creates
        }
    }
}
