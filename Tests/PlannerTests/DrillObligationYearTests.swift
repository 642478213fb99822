import Foundation
import Testing

@testable import Planner

@Suite("A year's drill obligations: owed, held, held on time")
struct DrillObligationYearTests {
    func minute(_ n: Int) -> Date {
        Date(timeIntervalSince1970: 1_483_228_800 + Double(n) * 60)
    }

    func history(
        start: String = "2017-01-01", every: Int = 1, retired: String? = nil, drills: [(String, Int)] = []
    ) -> DrillObligation.History {
        DrillObligation.History(
            added: minute(0), start: date(start), everyMonths: every,
            retired: retired.map { Recorded(date($0), recordedAt: minute(1)) },
            drills: drills.map { Recorded(date($0.0), recordedAt: minute($0.1)) })
    }

    @Test("Each drill starts the next obligation; the next drill meets it, on time or late")
    func monthlyPlan() {
        // Due 02-01 (met 01-15, on time), 02-15 (met 03-10, late), 04-10 (not met): as of 2017-06-30.
        let plan = history(drills: [("2017-01-15", 2), ("2017-03-10", 3)])
        #expect(
            DrillObligation.tally(year: 2017, asOf: date("2017-06-30"), history: plan)
                == DrillObligation.Tally(owed: 3, held: 2, onTime: 1))
    }

    @Test("An obligation counts in the year its due date falls in, once that date has come")
    func dueDateDecidesTheYear() {
        // Due 2018-01-01 (met by the drill of 2017-12-20, early), then 2018-12-20 (not met).
        let plan = history(every: 12, drills: [("2017-12-20", 2)])
        #expect(DrillObligation.tally(year: 2017, asOf: date("2018-12-31"), history: plan) == .init())
        #expect(
            DrillObligation.tally(year: 2018, asOf: date("2018-12-31"), history: plan)
                == .init(owed: 2, held: 1, onTime: 1))
        #expect(
            DrillObligation.tally(year: 2018, asOf: date("2018-12-19"), history: plan)
                == .init(owed: 1, held: 1, onTime: 1))
        // Before the due date has come, nothing is owed yet.
        #expect(DrillObligation.tally(year: 2018, asOf: date("2017-12-31"), history: plan) == .init())
    }

    @Test("Nothing is owed once the plan is retired, and a drill recorded later is not known earlier")
    func retirementAndRecordedAsOf() {
        let retired = history(retired: "2017-03-01", drills: [("2017-01-20", 2)])
        // Due 02-01 (met on time), 02-20 (met? no drill; owed), 03-20 after the retirement: not owed.
        #expect(
            DrillObligation.tally(year: 2017, asOf: date("2017-12-31"), history: retired)
                == .init(owed: 2, held: 1, onTime: 1))
        let plan = history(drills: [("2017-01-20", 50)])
        #expect(
            DrillObligation.tally(year: 2017, asOf: date("2017-02-10"), recordedAsOf: minute(10), history: plan)
                == .init(owed: 1, held: 0, onTime: 0))
    }
}
