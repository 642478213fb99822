import Foundation
import Testing

@testable import Planner

/// Inspection obligations over a small year, computed by hand: a primary school (quarterly,
/// CN-FIRE-61-26-A), an enterprise (monthly, CN-FIRE-61-26-B) inspected before it was entered,
/// then reclassified and closed, and a residential compound (no inspection rule).
@Suite("Inspection obligation: rule, in force, last inspection, due, days overdue")
struct InspectionObligationTests {
    /// Instants of the log, a minute apart, from 2019-01-01 00:00 in Shanghai.
    func minute(_ n: Int) -> Date {
        Date(timeIntervalSince1970: 1_546_272_000 + Double(n) * 60)
    }

    func unit(
        _ kind: UnitKind, reclassified: (UnitKind, Int)? = nil, closed: (String, Int)? = nil,
        inspections: [(String, Int)] = []
    ) -> InspectionObligation.History {
        InspectionObligation.History(
            added: minute(0), addedOn: date("2019-01-01"),
            classifications: [Recorded(.init(kind: kind, keyFireUnit: false), recordedAt: minute(0))]
                + (reclassified.map { [Recorded(.init(kind: $0.0, keyFireUnit: nil), recordedAt: minute($0.1))] } ?? []),
            closed: closed.map { Recorded(date($0.0), recordedAt: minute($0.1)) },
            inspections: inspections.map { Recorded(date($0.0), recordedAt: minute($0.1)) })
    }

    /// The obligation on `day` in one line: rule, last inspection (or -), due, days overdue.
    func at(_ day: String, _ history: InspectionObligation.History, recordedAsOf instant: Date? = nil) -> String? {
        InspectionObligation.asOf(date(day), recordedAsOf: instant, history: history).map {
            "\($0.rule.id) \($0.lastInspection?.description ?? "-") \($0.due) \($0.daysOverdue)"
        }
    }

    func days(_ day: String, _ history: InspectionObligation.History, recordedAsOf instant: Date? = nil) -> Int? {
        InspectionObligation.asOf(date(day), recordedAsOf: instant, history: history)?.daysOverdue
    }

    @Test func aSchoolNeverInspectedOwesItsFirstInspectionACadenceAfterItWasAdded() {
        let school = unit(.primarySchool)
        #expect(at("2018-12-31", school) == nil, "not yet in the record")
        #expect(at("2019-03-31", school) == "CN-FIRE-61-26-A - 2019-04-01 -1")
        #expect(at("2019-04-01", school) == "CN-FIRE-61-26-A - 2019-04-01 0")
        #expect(days("2019-04-02", school) == 1)
        let inspected = unit(.primarySchool, inspections: [("2019-05-31", 1)])
        #expect(at("2019-06-30", inspected) == "CN-FIRE-61-26-A 2019-05-31 2019-08-31 -62")
        #expect(at("2019-05-30", inspected) == "CN-FIRE-61-26-A - 2019-04-01 59")
        #expect(
            at("2019-06-30", inspected, recordedAsOf: minute(0)) == "CN-FIRE-61-26-A - 2019-04-01 90", "recorded later")
    }

    @Test func anInspectionEnteredLateCarriesTheUnitBackAndMonthEndsStayMonthEnds() {
        let factory = unit(.enterprise, inspections: [("2018-11-30", 1), ("2019-01-31", 2), ("2019-03-05", 3)])
        #expect(at("2018-11-29", factory) == nil)
        #expect(at("2018-12-15", factory) == "CN-FIRE-61-26-B 2018-11-30 2018-12-30 -15")
        #expect(at("2019-03-01", factory) == "CN-FIRE-61-26-B 2019-01-31 2019-02-28 1")
        #expect(at("2019-04-10", factory) == "CN-FIRE-61-26-B 2019-03-05 2019-04-05 5")
        #expect(days("2019-12-31", factory) == 270)
        // Its only inspections recorded later: as the log stood, it came under the rule when added.
        #expect(at("2018-12-15", factory, recordedAsOf: minute(0)) == nil)
        #expect(at("2019-02-10", factory, recordedAsOf: minute(0)) == "CN-FIRE-61-26-B - 2019-02-01 9")
    }

    @Test func aReclassificationChangesTheRuleOnceRecordedAndAClosureEndsTheObligation() {
        let office = unit(
            .enterprise, reclassified: (.government, 10), closed: ("2019-10-01", 20), inspections: [("2019-03-05", 1)])
        #expect(at("2019-04-10", office, recordedAsOf: minute(9)) == "CN-FIRE-61-26-B 2019-03-05 2019-04-05 5")
        #expect(at("2019-04-10", office) == "CN-FIRE-61-26-A 2019-03-05 2019-06-05 -56")
        #expect(days("2019-09-30", office) == 117)
        #expect(at("2019-10-01", office) == nil)
        #expect(days("2019-10-01", office, recordedAsOf: minute(19)) == 118, "closure not yet recorded")
    }

    @Test func aUnitUnderNoInspectionRuleOwesNothing() {
        #expect(at("2019-12-31", unit(.residential)) == nil)
    }

    @Test func theStrictestRuleInForceOnTheDateWinsAndStartsNoEarlierThanItsInForceDate() {
        let local = Rule(
            id: "LOCAL-SCHOOL", obligation: .inspection, summary: "月度防火检查", months: 1, cadenceText: "monthly",
            scope: .init(kinds: [.primarySchool]), scopeText: "schools", inForce: date("2019-07-01"),
            source: "office rule", status: .local)
        let catalogue = RuleCatalogue(rules: RuleCatalogue.shipped + [local])
        let school = unit(.primarySchool)
        let before = InspectionObligation.asOf(date("2019-06-30"), history: school, catalogue: catalogue)
        #expect(before?.rule.id == "CN-FIRE-61-26-A" && before?.due == date("2019-04-01"))
        let after = InspectionObligation.asOf(date("2019-07-15"), history: school, catalogue: catalogue)
        #expect(after?.rule.id == "LOCAL-SCHOOL" && after?.due == date("2019-08-01") && after?.daysOverdue == -17)
    }
}
