import Foundation
import Testing

@testable import Planner

/// `drill correct` and `finding correct`: a correction changes something, is refused exactly as
/// the original would be, and the rules read it as of the instant it was recorded.
@Suite("Correction deciders")
struct CorrectionDeciderTests {
    func context(plan: [Event] = Given.plan(), unit: [Event] = Given.unit(), today: String = "2017-06-30")
        -> Drill.Context
    {
        Drill.Context(plan: Plan.fold(plan), unit: Unit.fold(unit), today: date(today))
    }

    /// D-1 of P-1 (in force from 1 March 2017), held on 6 April with 800 people.
    let held = Drill.fold(Given.drillConducted(on: "2017-04-06"))

    func correctDrill(
        on day: String? = nil, participants: Int? = nil, evacuation: Int? = nil, context: Drill.Context? = nil,
        state: Drill? = nil
    ) throws -> [Event] {
        try Drill.correct(
            on: day.map { date($0) }, participants: participants, evacuationSeconds: evacuation,
            reason: "登记日期有误", context: context ?? self.context(), state: state ?? held)
    }

    @Test func aDrillCorrectionCarriesOnlyWhatChangesAndItsReason() throws {
        let events = try correctDrill(on: "2017-04-05", participants: 800)
        #expect(events == [.drillCorrected(DrillCorrected(on: date("2017-04-05"), reason: "登记日期有误"))])
        let corrected = held.evolve(events[0])
        #expect(corrected.conductedOn == date("2017-04-05"))
        #expect(corrected.participants == 800)
        #expect(held.evolve(try correctDrill(participants: 812)[0]).participants == 812)
    }

    @Test func aDrillCorrectionThatChangesNothingIsRefused() {
        expectRefusal(naming: "nothing to correct") { try correctDrill() }
        expectRefusal(naming: "nothing to correct") { try correctDrill(on: "2017-04-06", participants: 800) }
    }

    @Test func aDrillCorrectionIsRefusedAsTheRecordWouldBe() {
        expectRefusal(naming: "2017-02-28", "before P-1 took effect (2017-03-01)") {
            try correctDrill(on: "2017-02-28")
        }
        expectRefusal(naming: "2017-07-01") { try correctDrill(on: "2017-07-01") }
        expectRefusal(naming: "P-1 was retired on 2017-04-01") {
            try correctDrill(on: "2017-04-02", context: context(plan: Given.plan(retiredOn: "2017-04-01")))
        }
        expectRefusal(naming: "unit 实验小学 was closed on 2017-04-01") {
            try correctDrill(on: "2017-04-02", context: context(unit: Given.unit(closedOn: "2017-04-01")))
        }
    }

    @Test func aDrillCannotBeMovedAfterItsEvaluation() throws {
        let evaluated = held.evolve(.drillEvaluated(DrillEvaluated(on: date("2017-04-10"), rating: .good)))
        expectRefusal(naming: "evaluated on 2017-04-10") { try correctDrill(on: "2017-04-11", state: evaluated) }
        #expect(try correctDrill(on: "2017-04-10", state: evaluated).count == 1)
    }

    @Test func onlyAHeldDrillIsCorrected() {
        expectRefusal(naming: "D-1 has not been held", "drill reschedule") {
            try correctDrill(on: "2017-04-05", state: Drill.fold(Given.drillScheduled(on: "2017-04-06")))
        }
        expectRefusal(naming: "no such drill") { try correctDrill(on: "2017-04-05", state: .initial) }
    }

    // MARK: - Findings

    /// F-1, general, found on 10 April 2017, due 20 April.
    let finding = Finding.fold(Given.finding(foundOn: "2017-04-10", due: "2017-04-20"))

    func correctFinding(
        due: String? = nil, text: String? = nil, severity: Severity? = nil, state: Finding? = nil
    ) throws -> [Event] {
        try Finding.correct(
            due: due.map { date($0) }, text: text, severity: severity, reason: "整改期限填错", state: state ?? finding)
    }

    @Test func aFindingCorrectionCarriesOnlyWhatChanges() throws {
        let events = try correctFinding(due: "2017-05-20", text: "疏散通道堵塞", severity: .major)
        #expect(
            events == [
                .findingCorrected(FindingCorrected(due: date("2017-05-20"), severity: .major, reason: "整改期限填错"))
            ])
        let corrected = finding.evolve(events[0])
        #expect(corrected.due == date("2017-05-20"))
        #expect(corrected.severity == .major)
    }

    @Test func aFindingCorrectionIsRefusedAsTheFindingWouldBe() {
        expectRefusal(naming: "nothing to correct") { try correctFinding() }
        expectRefusal(naming: "nothing to correct") { try correctFinding(due: "2017-04-20", severity: .general) }
        expectRefusal(naming: "the deadline 2017-04-09 is before the finding (2017-04-10)") {
            try correctFinding(due: "2017-04-09")
        }
        expectRefusal(naming: "a finding needs a description") { try correctFinding(text: "") }
        expectRefusal(naming: "no such finding") { try correctFinding(due: "2017-05-01", state: .initial) }
    }

    @Test func aMajorFindingWithMajorStepsStaysMajor() throws {
        let major = Finding.fold(
            Given.finding(severity: .major, foundOn: "2017-04-10", due: "2017-04-20")
                + [.majorFindingReported(MajorFindingReported(on: date("2017-04-11"), authority: nil))])
        expectRefusal(naming: "F-1 has steps of a major finding") {
            try correctFinding(severity: .general, state: major)
        }
        let unreported = Finding.fold(Given.finding(severity: .major, foundOn: "2017-04-10", due: "2017-04-20"))
        #expect(try correctFinding(severity: .general, state: unreported).count == 1)
    }

    // MARK: - Plans

    /// P-1, comprehensive, a drill a month from 1 March 2017.
    let plan = Plan.fold(Given.plan())

    func correctPlan(
        every: Interval? = nil, from: String? = nil, level: PlanLevel? = nil, firstHeld: String? = nil,
        state: Plan? = nil
    ) throws -> [Event] {
        try Plan.correct(
            every: every, from: from.map { date($0) }, level: level, reason: "登记有误",
            firstHeld: firstHeld.map { date($0) }, state: state ?? plan)
    }

    @Test func aPlanCorrectionCarriesOnlyWhatChanges() throws {
        let events = try correctPlan(every: Interval(6, .months), from: "2017-03-01", level: .special)
        #expect(events == [.planCorrected(PlanCorrected(everyMonths: 6, level: .special, reason: "登记有误"))])
        let corrected = plan.evolve(events[0])
        #expect(corrected.everyMonths == 6 && corrected.level == .special && corrected.from == date("2017-03-01"))
    }

    @Test func aPlanCorrectionIsRefusedAsTheRecordWouldBe() {
        expectRefusal(naming: "nothing to correct") { try correctPlan() }
        expectRefusal(naming: "nothing to correct") { try correctPlan(every: Interval(1, .months)) }
        expectRefusal(naming: "counted in months") { try correctPlan(every: Interval(30, .days)) }
        expectRefusal(naming: "held on 2017-04-06", "2017-04-07") {
            try correctPlan(from: "2017-04-07", firstHeld: "2017-04-06")
        }
        expectRefusal(naming: "retired on 2017-05-01") {
            try correctPlan(from: "2017-05-01", state: Plan.fold(Given.plan(retiredOn: "2017-05-01")))
        }
        expectRefusal(naming: "no such plan") { try correctPlan(level: .onsite, state: .initial) }
    }

    @Test func aPlanMayTakeEffectOnTheDayOfItsFirstDrillOrEarlier() throws {
        #expect(try correctPlan(from: "2017-04-06", firstHeld: "2017-04-06").count == 1)
        #expect(try correctPlan(from: "2017-01-01", firstHeld: "2017-04-06").count == 1)
    }

    // MARK: - Units and expenses

    @Test func aUnitMovesToAnotherCommunityThatExists() throws {
        let unit = Unit.fold(Given.unit())
        let other = Community.fold(Given.community("汉水湾社区"))
        let events = try Unit.move(to: other, communityName: "汉水湾社区", reason: "登记社区有误", state: unit)
        #expect(events == [.unitMoved(UnitMoved(community: "汉水湾社区", reason: "登记社区有误"))])
        #expect(unit.evolve(events[0]).community == "汉水湾社区")
        expectRefusal(naming: "no community 新港社区") {
            try Unit.move(to: .initial, communityName: "新港社区", reason: "有误", state: unit)
        }
        expectRefusal(naming: "already in 东风社区") {
            try Unit.move(to: Community.fold(Given.community()), communityName: "东风社区", reason: "有误", state: unit)
        }
        expectRefusal(naming: "no such unit") {
            try Unit.move(to: other, communityName: "汉水湾社区", reason: "有误", state: .initial)
        }
    }

    @Test func anExpenseIsRetractedOnce() throws {
        let expense = Expense.fold([
            .expenseRecorded(ExpenseRecorded(code: "E-1", line: "安全生产", on: date("2017-03-15"), amount: Yuan(fen: 100)))
        ])
        let events = try Expense.retract(reason: "重复登记", state: expense)
        #expect(events == [.expenseRetracted(ExpenseRetracted(reason: "重复登记"))])
        expectRefusal(naming: "E-1 was already retracted") {
            try Expense.retract(reason: "重复登记", state: expense.evolve(events[0]))
        }
        expectRefusal(naming: "no such expense") { try Expense.retract(reason: "重复登记", state: .initial) }
    }

    // MARK: - The rules, as of an instant

    func minute(_ n: Int) -> Date { Date(timeIntervalSince1970: 1_704_067_200 + Double(n) * 60) }

    @Test func aCorrectedDeadlineCountsFromTheInstantItWasRecorded() {
        let history = Finding.History(
            added: minute(0), foundOn: date("2017-04-10"), due: date("2017-04-20"),
            corrections: [Recorded(Finding.Correction(due: date("2017-05-20")), recordedAt: minute(5))])
        #expect(Finding.asOf(date("2017-05-01"), history: history)?.isOverdue == false)
        #expect(Finding.asOf(date("2017-05-01"), recordedAsOf: minute(4), history: history)?.daysOverdue == 11)
        #expect(history.severity(.general, at: nil) == .general)
    }

    @Test func aCorrectedDrillDateCountsFromTheInstantItWasRecorded() {
        var drill = Revisions(Recorded(date("2017-04-06"), recordedAt: minute(0)))
        drill.correct(date("2017-03-06"), recordedAt: minute(5))
        let history = DrillObligation.History(
            added: minute(0), start: date("2017-03-01"), everyMonths: 6, drills: [drill])
        #expect(DrillObligation.asOf(date("2017-05-01"), history: history)?.lastDrill == date("2017-03-06"))
        #expect(
            DrillObligation.asOf(date("2017-05-01"), recordedAsOf: minute(4), history: history)?.lastDrill
                == date("2017-04-06"))
        #expect(DrillObligation.asOf(date("2017-05-01"), recordedAsOf: minute(-1), history: history)?.lastDrill == nil)
    }
}
