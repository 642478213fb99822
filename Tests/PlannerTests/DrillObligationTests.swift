import Foundation
import Testing

@testable import Planner

@Suite("Drill obligation: in force, last drill, due, days overdue")
struct DrillObligationTests {
    /// Instants of the log, a minute apart: the plan is added at `minute(0)`.
    func minute(_ n: Int) -> Date {
        Date(timeIntervalSince1970: 1_704_067_200 + Double(n) * 60)
    }

    func history(
        start: String = "2024-01-01", every: Int = 1, retired: (String, Int)? = nil, closed: (String, Int)? = nil,
        drills: [(String, Int)] = []
    ) -> DrillObligation.History {
        DrillObligation.History(
            added: minute(0), start: date(start), everyMonths: every,
            retired: retired.map { Recorded(date($0.0), recordedAt: minute($0.1)) },
            unitClosed: closed.map { Recorded(date($0.0), recordedAt: minute($0.1)) },
            drills: drills.map { Recorded(date($0.0), recordedAt: minute($0.1)) })
    }

    @Test func withoutADrillTheStartPlusTheCadenceIsDue() {
        let obligation = DrillObligation.asOf(date("2024-06-01"), history: history())
        #expect(obligation == DrillObligation(lastDrill: nil, due: date("2024-02-01"), daysOverdue: 121))
        #expect(obligation?.isOverdue == true)
    }

    @Test func theLastDrillOnOrBeforeTheDateCountsAndLaterOnesDoNot() {
        let plan = history(drills: [("2024-03-10", 1), ("2024-05-20", 2), ("2024-07-01", 3)])
        let obligation = DrillObligation.asOf(date("2024-06-01"), history: plan)
        #expect(obligation == DrillObligation(lastDrill: date("2024-05-20"), due: date("2024-06-20"), daysOverdue: -19))
        #expect(obligation?.isOverdue == false)
        #expect(DrillObligation.asOf(date("2024-05-20"), history: plan)?.lastDrill == date("2024-05-20"))
    }

    @Test(
        "the cadence is counted in calendar months, clamped to the end of a shorter month",
        arguments: [
            ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2023-08-31", 6, "2024-02-29"),
            ("2024-02-29", 12, "2025-02-28"), ("2023-03-31", 3, "2023-06-30"),
        ])
    func monthEnds(start: String, every: Int, due: String) {
        #expect(DrillObligation.asOf(date(start), history: history(start: start, every: every))?.due == date(due))
    }

    @Test func onTheDueDateNothingIsOverdueAndTheDayAfterItIs() {
        let plan = history()
        #expect(DrillObligation.asOf(date("2024-02-01"), history: plan)?.daysOverdue == 0)
        #expect(DrillObligation.asOf(date("2024-02-01"), history: plan)?.isOverdue == false)
        #expect(DrillObligation.asOf(date("2024-02-02"), history: plan)?.daysOverdue == 1)
    }

    @Test func aPlanIsInForceFromItsStart() {
        #expect(DrillObligation.asOf(date("2023-12-31"), history: history()) == nil)
        #expect(DrillObligation.asOf(date("2024-01-01"), history: history()) != nil)
    }

    @Test func aRetiredPlanOrAClosedUnitOwesNothingFromThatDate() {
        let retired = history(retired: ("2024-03-01", 2))
        #expect(DrillObligation.asOf(date("2024-02-29"), history: retired) != nil)
        #expect(DrillObligation.asOf(date("2024-03-01"), history: retired) == nil)
        let closed = history(closed: ("2024-03-01", 2))
        #expect(DrillObligation.asOf(date("2024-02-29"), history: closed) != nil)
        #expect(DrillObligation.asOf(date("2024-03-01"), history: closed) == nil)
    }

    @Test func recordedAsOfAnInstantIgnoresAClosureRecordedLater() {
        let closed = history(closed: ("2024-03-01", 2))
        let before = DrillObligation.asOf(date("2024-06-01"), recordedAsOf: minute(1), history: closed)
        #expect(before == DrillObligation(lastDrill: nil, due: date("2024-02-01"), daysOverdue: 121))
        #expect(DrillObligation.asOf(date("2024-06-01"), recordedAsOf: minute(2), history: closed) == nil)
    }

    @Test func recordedAsOfAnInstantIgnoresARetirementRecordedLater() {
        let retired = history(retired: ("2024-03-01", 2))
        #expect(DrillObligation.asOf(date("2024-06-01"), recordedAsOf: minute(1), history: retired) != nil)
        #expect(DrillObligation.asOf(date("2024-06-01"), recordedAsOf: minute(2), history: retired) == nil)
    }

    @Test func recordedAsOfAnInstantIgnoresADrillRecordedLater() {
        let plan = history(drills: [("2024-03-10", 5)])
        #expect(DrillObligation.asOf(date("2024-06-01"), recordedAsOf: minute(4), history: plan)?.lastDrill == nil)
        #expect(
            DrillObligation.asOf(date("2024-06-01"), recordedAsOf: minute(5), history: plan)?.lastDrill
                == date("2024-03-10"))
    }

    @Test func aPlanAddedAfterTheInstantIsNotYetInForce() {
        #expect(
            DrillObligation.asOf(date("2024-06-01"), recordedAsOf: minute(0).addingTimeInterval(-1), history: history())
                == nil)
    }

    @Test func dueWithinALimitMeansNotYetOverdueAndDueByIt() {
        let ahead = DrillObligation(lastDrill: nil, due: date("2024-02-01"), daysOverdue: -10)
        #expect(ahead.isDue(by: date("2024-02-01")))
        #expect(!ahead.isDue(by: date("2024-01-31")))
        let today = DrillObligation(lastDrill: nil, due: date("2024-02-01"), daysOverdue: 0)
        #expect(today.isDue(by: date("2024-02-01")))
        let late = DrillObligation(lastDrill: nil, due: date("2024-02-01"), daysOverdue: 1)
        #expect(!late.isDue(by: date("2024-03-01")))
    }
}
