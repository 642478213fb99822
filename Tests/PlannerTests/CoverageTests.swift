import Foundation
import Testing

@testable import Planner

@Suite("Campaign coverage: covered and missing periods, retractions, scope")
struct CoverageTests {
    /// Instants of the log, a minute apart.
    func minute(_ n: Int) -> Date {
        Date(timeIntervalSince1970: 1_704_067_200 + Double(n) * 60)
    }

    /// January to March 2019, as `compliance --year 2019` requires them on 2019-03-31.
    let months = Period.required(
        Period.periods(.monthly, selection: .year(2019), calendar: Notices.calendar), asOf: date("2019-03-31"))

    func logged(_ on: String, at n: Int = 1, retractedAt: Int? = nil) -> Recorded<Coverage.Activity> {
        Recorded(Coverage.Activity(on: date(on), retracted: retractedAt.map(minute)), recordedAt: minute(n))
    }

    @Test func aPeriodIsCoveredByAnActivityDatedInsideItFirstAndLastDayIncluded() {
        let coverage = Coverage.of(months, activities: [logged("2019-01-01"), logged("2019-03-31")])
        #expect(coverage.required.map(\.label) == ["2019-01", "2019-02", "2019-03"])
        #expect(coverage.missing.map(\.label) == ["2019-02"])
        #expect(coverage.covered == 2)
        #expect(abs(coverage.rate - 2.0 / 3.0) < 1e-12)
    }

    @Test func aRetractedActivityCoversNothingForEveryAsOfDate() {
        let coverage = Coverage.of(months, activities: [logged("2019-02-10", retractedAt: 3)])
        #expect(coverage.missing.map(\.label) == ["2019-01", "2019-02", "2019-03"])
    }

    @Test func recordedAsOfAnInstantShowsTheRecordBeforeARetractionAndBeforeALateEntry() {
        let activities = [logged("2019-02-10", at: 1, retractedAt: 3), logged("2019-03-05", at: 5)]
        #expect(
            Coverage.of(months, activities: activities, recordedAsOf: minute(2)).missing.map(\.label) == [
                "2019-01", "2019-03",
            ])
        #expect(Coverage.of(months, activities: activities, recordedAsOf: minute(3)).covered == 0)
        #expect(
            Coverage.of(months, activities: activities, recordedAsOf: minute(5)).missing.map(\.label) == [
                "2019-01", "2019-02",
            ])
    }

    @Test func nothingRequiredIsARateOfOne() {
        #expect(Coverage.of([], activities: []).rate == 1.0)
        #expect(Coverage.rate(covered: 0, required: 0) == 1.0)
        #expect(Coverage.rate(covered: 1, required: 4) == 0.25)
    }

    @Test func theCommunitiesInScopeAddedByTheInstantOweTheCampaign() {
        let communities = [
            Recorded("江岸社区", recordedAt: minute(1)), Recorded("桃源社区", recordedAt: minute(2)),
            Recorded("汉水湾社区", recordedAt: minute(3)),
        ]
        let everyone = Campaign.fold(Given.campaign())
        #expect(everyone.owing(communities) == ["江岸社区", "桃源社区", "汉水湾社区"])
        #expect(everyone.owing(communities, recordedAsOf: minute(2)) == ["江岸社区", "桃源社区"])
        let scoped = Campaign.fold(Given.campaign(communities: ["汉水湾社区", "江岸社区"]))
        #expect(scoped.owing(communities) == ["江岸社区", "汉水湾社区"])
    }
}
