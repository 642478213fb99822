import Foundation
import Testing

@testable import Planner

@Suite("The year's figures of the self-evaluation")
struct AnnualFiguresTests {
    let added = Date(timeIntervalSince1970: 1_483_228_800)

    func plan(_ code: String, _ level: PlanLevel, every: Int, drills: [String], retired: String? = nil)
        -> AnnualFigures.Plan
    {
        AnnualFigures.Plan(
            code: code, level, community: "东风社区",
            history: DrillObligation.History(
                added: added, start: date("2017-01-01"), everyMonths: every,
                retired: retired.map { Recorded(date($0), recordedAt: added) },
                drills: drills.map { Recorded(date($0), recordedAt: added) }))
    }

    func hazard(_ code: String, found: String, due: String, steps: [(Finding.Step, String)]) -> AnnualFigures.Hazard {
        AnnualFigures.Hazard(
            code: code, "东风小学", community: "东风社区",
            history: Finding.History(
                added: added, foundOn: date(found), due: date(due),
                steps: steps.map { Recorded(Finding.DatedStep($0.0, on: date($0.1)), recordedAt: added) }))
    }

    @Test("Plans, drills by plan level, and hazards found in the year by what became of them")
    func figures() {
        let figures = AnnualFigures.of(
            year: 2017, asOf: date("2018-03-01"),
            plans: [
                plan("P-1", .comprehensive, every: 6, drills: ["2017-05-10", "2017-12-01"]),
                plan("P-2", .onsite, every: 6, drills: []),
                plan("P-3", .special, every: 12, drills: [], retired: "2017-06-30"),
            ],
            hazards: [
                hazard(
                    "F-1", found: "2017-02-01", due: "2017-02-15",
                    steps: [(.rectified, "2017-02-10"), (.passed, "2017-02-20")]),
                hazard("F-2", found: "2017-03-01", due: "2017-03-10", steps: [(.rectified, "2017-04-01")]),
                hazard("F-3", found: "2017-11-01", due: "2017-11-30", steps: []),
                hazard("F-4", found: "2016-12-01", due: "2017-01-31", steps: []),
            ])
        #expect(figures.end == date("2017-12-31"))
        // P-3 was retired in June; P-1 and P-2 are in force at the year's end.
        #expect(figures.plansInForce == [.comprehensive: 1, .onsite: 1])
        // P-1: due 07-01 met 05-10 on time, due 11-10 met 12-01 late. P-2: due 07-01 not met.
        #expect(figures.drills[.comprehensive] == DrillObligation.Tally(owed: 2, held: 2, onTime: 1))
        #expect(figures.drills[.onsite] == DrillObligation.Tally(owed: 1, held: 0, onTime: 0))
        #expect(figures.drills[.special, default: .init()] == .init())
        #expect(figures.drillTotal == DrillObligation.Tally(owed: 3, held: 2, onTime: 1))
        #expect(figures.plansWithoutDrills == ["P-2"])
        // F-4 was found in 2016 and is not this year's.
        #expect(figures.hazards == .init(found: 3, rectified: 2, closed: 1, overdue: 1, onTime: 1))
        #expect(figures.hazardsPastDeadline == ["F-3"])
    }
}
