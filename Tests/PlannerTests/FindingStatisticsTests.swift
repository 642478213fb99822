import Foundation
import Testing

@testable import Planner

@Suite("Finding statistics: found in the period, status as of its end, as the log stood")
struct FindingStatisticsTests {
    func minute(_ n: Int) -> Date {
        Date(timeIntervalSince1970: 1_704_067_200 + Double(n) * 60)
    }

    let communities = [Recorded("江岸社区", recordedAt: Date(timeIntervalSince1970: 1_704_067_200))]

    /// A major finding found on 2024-02-01, due 2024-02-20, rectified on 2024-02-10, passed on
    /// 2024-02-15 and written off on 2024-03-01 (recorded at minutes 1, 2, 3 and 4).
    func major() -> FindingStatistics.Counted {
        FindingStatistics.Counted(
            community: "江岸社区", severity: .major,
            history: Finding.History(
                added: minute(1), foundOn: date("2024-02-01"), due: date("2024-02-20"),
                steps: [
                    Recorded(Finding.DatedStep(.rectified, on: date("2024-02-10")), recordedAt: minute(2)),
                    Recorded(Finding.DatedStep(.passed, on: date("2024-02-15")), recordedAt: minute(3)),
                ],
                writtenOff: Recorded(date("2024-03-01"), recordedAt: minute(4))))
    }

    func statistics(to: String = "2024-12-31", asOf: String = "2024-12-31", at instant: Date? = nil)
        -> [FindingStatistics]
    {
        FindingStatistics.of(
            from: date("2024-01-01"), to: date(to), asOf: date(asOf), recordedAsOf: instant, communities: communities,
            findings: [major()])
    }

    @Test func aWrittenOffMajorFindingCountsAsFoundClosedAndWrittenOff() {
        #expect(
            statistics() == [FindingStatistics(community: "江岸社区", majorFound: 1, majorClosed: 1, majorWrittenOff: 1)])
    }

    @Test func theWriteOffCountsOnceRecordedAndDatedByThePeriodsEnd() {
        #expect(statistics(at: minute(3)).first?.majorWrittenOff == 0)
        #expect(statistics(at: minute(3)).first?.majorClosed == 1)
        #expect(statistics(asOf: "2024-02-29").first?.majorWrittenOff == 0)
        #expect(
            statistics(to: "2024-02-18").first == FindingStatistics(community: "江岸社区", majorFound: 1, majorClosed: 1))
    }

    @Test func anOpenFindingPastItsDeadlineAtThePeriodsEndIsOverdue() {
        #expect(
            statistics(asOf: "2024-02-25", at: minute(1))
                == [FindingStatistics(community: "江岸社区", majorFound: 1, open: 1, overdue: 1)])
        #expect(statistics(at: minute(0)) == [FindingStatistics(community: "江岸社区")])
    }

    @Test func aCommunityAddedAfterTheInstantIsNotListed() {
        #expect(statistics(at: minute(-1)) == [])
    }
}
