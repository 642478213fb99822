import Foundation
import Testing

@testable import Planner

@Suite("Finding status as of a date and as recorded at an instant")
struct FindingStatusTests {
    /// Instants of the log, a minute apart: the finding is added at `minute(0)`.
    func minute(_ n: Int) -> Date {
        Date(timeIntervalSince1970: 1_704_067_200 + Double(n) * 60)
    }

    func history(_ steps: [(Finding.Step, String, Int)] = []) -> Finding.History {
        Finding.History(
            added: minute(0), foundOn: date("2024-03-01"), due: date("2024-03-15"),
            steps: steps.map { Recorded(Finding.DatedStep($0.0, on: date($0.1)), recordedAt: minute($0.2)) })
    }

    func status(_ on: String, at instant: Date? = nil, _ history: Finding.History) -> Finding.Status? {
        Finding.asOf(date(on), recordedAsOf: instant, history: history)?.status
    }

    @Test func aFindingCountsFromTheDateItWasFound() {
        #expect(Finding.asOf(date("2024-02-29"), history: history()) == nil)
        #expect(
            Finding.asOf(date("2024-03-01"), history: history()) == Finding.Standing(status: .open, daysOverdue: nil))
    }

    @Test func anOpenFindingIsOverdueFromTheDayAfterItsDeadline() {
        #expect(Finding.asOf(date("2024-03-15"), history: history())?.daysOverdue == nil)
        #expect(Finding.asOf(date("2024-03-16"), history: history()) == Finding.Standing(status: .open, daysOverdue: 1))
        #expect(Finding.asOf(date("2024-03-16"), history: history())?.isOverdue == true)
    }

    @Test func theLifeCycleFollowsTheLatestStepDatedByThen() {
        let steps = history([
            (.rectified, "2024-03-10", 1), (.failed, "2024-03-12", 2), (.rectified, "2024-03-20", 3),
            (.passed, "2024-03-25", 4),
        ])
        #expect(status("2024-03-09", steps) == .open)
        #expect(status("2024-03-10", steps) == .rectified)
        #expect(status("2024-03-12", steps) == .open)
        #expect(status("2024-03-20", steps) == .rectified)
        #expect(status("2024-03-25", steps) == .closed)
    }

    @Test func aRectifiedOrClosedFindingIsNotOverdue() {
        let rectified = history([(.rectified, "2024-03-20", 1)])
        #expect(
            Finding.asOf(date("2024-04-01"), history: rectified)
                == Finding.Standing(status: .rectified, daysOverdue: nil))
        let reopened = history([(.rectified, "2024-03-20", 1), (.failed, "2024-03-22", 2)])
        #expect(Finding.asOf(date("2024-04-01"), history: reopened) == Finding.Standing(status: .open, daysOverdue: 17))
    }

    @Test func stepsOfOneDayCountInTheOrderTheyWereRecorded() {
        let sameDay = history([(.rectified, "2024-03-10", 1), (.passed, "2024-03-10", 2)])
        #expect(status("2024-03-10", sameDay) == .closed)
    }

    @Test func recordedAsOfAnInstantIgnoresStepsRecordedLater() {
        let steps = history([(.rectified, "2024-03-10", 1), (.passed, "2024-03-12", 5)])
        #expect(status("2024-04-01", at: minute(0), steps) == .open)
        #expect(status("2024-04-01", at: minute(4), steps) == .rectified)
        #expect(status("2024-04-01", at: minute(5), steps) == .closed)
    }

    @Test func aFindingRecordedAfterTheInstantIsNotShown() {
        #expect(
            Finding.asOf(date("2024-04-01"), recordedAsOf: minute(0).addingTimeInterval(-1), history: history()) == nil)
    }

    @Test func theDeciderAndTheReportShareOneLifeCycle() {
        let events =
            Given.finding(foundOn: "2024-03-01", due: "2024-03-15") + Given.rectified(on: "2024-03-10")
            + Given.verified(on: "2024-03-12", .fail) + Given.rectified(on: "2024-03-13")
            + Given.verified(on: "2024-03-14", .pass)
        for count in 1...events.count {
            let folded = Finding.fold(Array(events.prefix(count)))
            let steps: [Recorded<Finding.DatedStep>] = events.prefix(count).compactMap { event in
                switch event {
                case .findingRectified(let e):
                    return Recorded(Finding.DatedStep(.rectified, on: e.on), recordedAt: minute(1))
                case .findingVerified(let e):
                    return Recorded(Finding.DatedStep(Finding.Step(e.result), on: e.on), recordedAt: minute(1))
                default: return nil
                }
            }
            let reported = Finding.asOf(
                date("2024-03-31"),
                history: Finding.History(
                    added: minute(0), foundOn: date("2024-03-01"), due: date("2024-03-15"), steps: steps))
            #expect(reported?.status == folded.status, "after \(count) events")
        }
    }
}
