import Testing

@testable import Planner

@Suite("Plan decider")
struct PlanDeciderTests {
    let catalogue = RuleCatalogue()
    let today = date("2019-06-30")

    func addCommand(
        unit: String = Given.schoolName, level: PlanLevel = .comprehensive, every: String? = nil,
        from: String = "2017-03-01"
    ) -> Plan.AddCommand {
        Plan.AddCommand(
            code: "P-1", name: "消防应急预案", unitName: unit, level: level, hazard: "火灾",
            every: every.flatMap { Interval($0) }, from: date(from))
    }

    /// The one PlanAdded event a successful `plan add` decides.
    func added(_ events: [Event], sourceLocation: SourceLocation = #_sourceLocation) -> PlanAdded? {
        guard events.count == 1, case .planAdded(let added) = events[0] else {
            Issue.record("expected one PlanAdded, got \(events)", sourceLocation: sourceLocation)
            return nil
        }
        return added
    }

    // MARK: - plan add: explicit cadence

    @Test(
        "an explicit cadence in months or years", arguments: [("6m", 6), ("1m", 1), ("1y", 12), ("2y", 24)])
    func explicitCadence(every: String, months: Int) throws {
        let unit = Unit.fold(Given.unit(kind: .primarySchool))
        let plan = added(try Plan.add(addCommand(every: every), unit: unit, catalogue: catalogue))
        #expect(plan?.everyMonths == months)
        #expect(plan?.rule == nil)
        #expect(plan?.code == "P-1")
        #expect(plan?.unit == Given.schoolName)
        #expect(plan?.from == date("2017-03-01"))
    }

    @Test("a cadence in days, weeks or working days is refused", arguments: ["5wd", "7d", "2w"])
    func refusesNonMonthCadence(every: String) {
        let unit = Unit.fold(Given.unit())
        expectRefusal(naming: every, "months or years") {
            try Plan.add(addCommand(every: every), unit: unit, catalogue: catalogue)
        }
    }

    // MARK: - plan add: cadence from the rule catalogue

    @Test(
        "the cadence comes from the strictest rule in force on the plan's start",
        arguments: [
            (UnitKind.primarySchool, false, PlanLevel.comprehensive, "2017-03-01", 1, "CN-EDU-2014-A"),
            (.kindergarten, false, .comprehensive, "2017-03-01", 3, "CN-EDU-2014-B"),
            (.enterprise, true, .special, "2017-03-01", 6, "CN-FIRE-61-40-A"),
            (.government, false, .comprehensive, "2019-03-31", 12, "CN-FIRE-61-40-B"),
            (.government, false, .comprehensive, "2019-04-01", 12, "CN-FIRE-61-40-B"),
            (.hazardous, false, .special, "2019-03-31", 12, "CN-FIRE-61-40-B"),
            (.hazardous, false, .special, "2019-04-01", 6, "CN-ERC-8-2"),
        ])
    func cadenceFromCatalogue(
        kind: UnitKind, keyFireUnit: Bool, level: PlanLevel, from: String, months: Int, rule: String
    ) throws {
        let unit = Unit.fold(Given.unit("某单位", kind: kind, keyFireUnit: keyFireUnit))
        let plan = added(
            try Plan.add(addCommand(unit: "某单位", level: level, from: from), unit: unit, catalogue: catalogue))
        #expect(plan?.everyMonths == months)
        #expect(plan?.rule == rule)
    }

    @Test func noRuleForAResidentialCompound() {
        let unit = Unit.fold(Given.unit("幸福小区", kind: .residential))
        expectRefusal(naming: "幸福小区", "residential", "--every") {
            try Plan.add(addCommand(unit: "幸福小区"), unit: unit, catalogue: catalogue)
        }
    }

    @Test func anExplicitCadenceNeedsNoRule() throws {
        let unit = Unit.fold(Given.unit("幸福小区", kind: .residential))
        let plan = added(try Plan.add(addCommand(unit: "幸福小区", every: "1y"), unit: unit, catalogue: catalogue))
        #expect(plan?.everyMonths == 12)
    }

    @Test func unknownUnit() {
        expectRefusal(naming: "no unit 无名单位") {
            try Plan.add(addCommand(unit: "无名单位", every: "6m"), unit: .initial, catalogue: catalogue)
        }
    }

    @Test(
        "a unit closed on or before the plan's start takes no new plan", arguments: ["2017-02-28", "2017-03-01"])
    func closedUnit(closedOn: String) {
        let unit = Unit.fold(Given.unit(closedOn: closedOn))
        expectRefusal(naming: Given.schoolName, "closed") {
            try Plan.add(addCommand(every: "6m", from: "2017-03-01"), unit: unit, catalogue: catalogue)
        }
    }

    // MARK: - plan revise / evaluate / retire

    @Test func reviseRecordsTheReasonAndTheFinding() throws {
        let plan = Plan.fold(Given.plan())
        let events = try Plan.revise(
            on: date("2018-05-02"), reason: "演练发现问题", finding: "F-3", today: today, state: plan)
        #expect(events == [.planRevised(PlanRevised(on: date("2018-05-02"), reason: "演练发现问题", finding: "F-3"))])
    }

    @Test func reviseAndEvaluateRefuseARetiredPlan() {
        let plan = Plan.fold(Given.plan(retiredOn: "2018-01-31"))
        expectRefusal(naming: "P-1", "retired on 2018-01-31") {
            try Plan.revise(on: date("2018-02-01"), reason: "组织机构调整", finding: nil, today: today, state: plan)
        }
        expectRefusal(naming: "P-1", "retired on 2018-01-31") {
            try Plan.evaluate(on: date("2018-01-31"), note: nil, today: today, state: plan)
        }
    }

    @Test func aRevisionDatedBeforeTheRetirementIsStillAccepted() throws {
        let plan = Plan.fold(Given.plan(retiredOn: "2018-01-31"))
        let events = try Plan.evaluate(on: date("2018-01-30"), note: "back-filled", today: today, state: plan)
        #expect(events == [.planEvaluated(PlanEvaluated(on: date("2018-01-30"), note: "back-filled"))])
    }

    @Test func reviseAndEvaluateRefuseAFutureDate() {
        let plan = Plan.fold(Given.plan())
        expectRefusal(naming: "revision of P-1", "2019-07-01", "after today (2019-06-30)") {
            try Plan.revise(on: date("2019-07-01"), reason: "法规变化", finding: nil, today: today, state: plan)
        }
        expectRefusal(naming: "evaluation of P-1", "2019-07-01") {
            try Plan.evaluate(on: date("2019-07-01"), note: nil, today: today, state: plan)
        }
    }

    @Test func stepsOnAnUnknownPlanAreRefused() {
        expectRefusal(naming: "no such plan") {
            try Plan.revise(on: date("2018-01-01"), reason: "x", finding: nil, today: today, state: .initial)
        }
        expectRefusal(naming: "no such plan") { try Plan.retire(on: date("2018-01-01"), state: .initial) }
    }

    @Test func retire() throws {
        let plan = Plan.fold(Given.plan())
        #expect(
            try Plan.retire(on: date("2017-09-21"), state: plan) == [.planRetired(PlanRetired(on: date("2017-09-21")))])
        #expect(plan.evolve(.planRetired(PlanRetired(on: date("2017-09-21")))).retiredOn == date("2017-09-21"))
    }

    @Test func retiringTwiceIsRefused() {
        let plan = Plan.fold(Given.plan(retiredOn: "2017-09-21"))
        expectRefusal(naming: "P-1", "already retired on 2017-09-21") {
            try Plan.retire(on: date("2017-10-01"), state: plan)
        }
    }

    // MARK: - Organisation deciders the plan depends on

    @Test func unitAddNeedsAnExistingCommunity() throws {
        expectRefusal(naming: "no community 西山社区") {
            try Unit.add(
                name: "某厂", community: .initial, communityName: "西山社区", kind: .enterprise, keyFireUnit: false,
                state: .initial)
        }
        let community = Community.fold(Given.community())
        let events = try Unit.add(
            name: "某厂", community: community, communityName: Given.communityName, kind: .enterprise,
            keyFireUnit: true, state: .initial)
        #expect(Unit.fold(events).keyFireUnit)
        expectRefusal(naming: "community 东风社区 already exists") {
            try Community.add(name: Given.communityName, state: community)
        }
    }

    @Test func unitCloseAndReclassify() throws {
        let unit = Unit.fold(Given.unit())
        expectRefusal(naming: "closure", "2019-07-01") {
            try Unit.close(on: date("2019-07-01"), today: today, state: unit)
        }
        let closed = Unit.fold(Given.unit(closedOn: "2018-07-01"))
        #expect(closed.isClosed(on: date("2018-07-01")))
        #expect(!closed.isClosed(on: date("2018-06-30")))
        expectRefusal(naming: "already closed on 2018-07-01") {
            try Unit.close(on: date("2019-01-01"), today: today, state: closed)
        }
        expectRefusal(naming: "already has that classification") {
            try Unit.reclassify(kind: .primarySchool, keyFireUnit: false, state: unit)
        }
        let reclassified = unit.evolve(try Unit.reclassify(kind: nil, keyFireUnit: true, state: unit)[0])
        #expect(reclassified.keyFireUnit && reclassified.kind == .primarySchool)
    }
}
