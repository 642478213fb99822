import Foundation
import Testing

@testable import Planner

@Suite("Drill listing: status, dates and rating as of a date and an instant")
struct DrillListingTests {
    /// Instants of the log, a minute apart: the drill is scheduled at `minute(0)`.
    func minute(_ n: Int) -> Date {
        Date(timeIntervalSince1970: 1_704_067_200 + Double(n) * 60)
    }

    /// A drill scheduled for 2024-03-01 at minute 0, rescheduled to 2024-03-15 at minute 2.
    func rescheduled() -> Drill.History {
        Drill.History(
            added: minute(0),
            schedule: [
                Recorded(date("2024-03-01"), recordedAt: minute(0)),
                Recorded(date("2024-03-15"), recordedAt: minute(2)),
            ])
    }

    @Test func aRescheduleCountsFromTheInstantItWasRecorded() {
        #expect(Drill.asOf(date("2024-02-01"), history: rescheduled())?.scheduledOn == date("2024-03-15"))
        #expect(
            Drill.asOf(date("2024-02-01"), recordedAsOf: minute(1), history: rescheduled())?.scheduledOn
                == date("2024-03-01"))
        #expect(Drill.asOf(date("2024-02-01"), recordedAsOf: minute(-1), history: rescheduled()) == nil)
    }

    @Test func aScheduledDrillWhoseDateHasPassedIsMissedUntilItsHoldingOrCancellationIsRecorded() {
        var drill = rescheduled()
        #expect(Drill.asOf(date("2024-03-10"), recordedAsOf: minute(1), history: drill)?.isMissed == true)
        #expect(Drill.asOf(date("2024-03-10"), history: drill)?.isMissed == false)
        #expect(
            Drill.asOf(date("2024-03-15"), history: drill)?.isMissed == false, "missed only once its date has passed")
        drill.cancelled = minute(5)
        #expect(Drill.asOf(date("2024-04-01"), history: drill)?.status == .cancelled)
        #expect(Drill.asOf(date("2024-04-01"), history: drill)?.isMissed == false)
        let before = Drill.asOf(date("2024-04-01"), recordedAsOf: minute(4), history: drill)
        #expect(before?.status == .scheduled)
        #expect(before?.isMissed == true)
    }

    @Test func aHoldingCountsOnceRecordedAndReadsAsScheduledBeforeItsDate() {
        var drill = rescheduled()
        drill.held = Revisions(Recorded(Drill.Held(on: date("2024-03-20"), participants: 40), recordedAt: minute(6)))
        drill.ratings = [Recorded(.poor, recordedAt: minute(7)), Recorded(.good, recordedAt: minute(8))]
        let held = Drill.asOf(date("2024-04-01"), history: drill)
        #expect(
            held
                == Drill.Listing(
                    status: .conducted, scheduledOn: date("2024-03-15"), conductedOn: date("2024-03-20"),
                    participants: 40,
                    rating: .good, isMissed: false))
        #expect(held?.listedOn == date("2024-03-20"))
        let early = Drill.asOf(date("2024-03-18"), history: drill)
        #expect(early?.status == .scheduled)
        #expect(early?.isMissed == false, "a drill held late was not missed as the whole log stands")
        #expect(Drill.asOf(date("2024-04-01"), recordedAsOf: minute(7), history: drill)?.rating == .poor)
        let unheld = Drill.asOf(date("2024-04-01"), recordedAsOf: minute(5), history: drill)
        #expect(unheld?.status == .scheduled)
        #expect(unheld?.conductedOn == nil)
        #expect(unheld?.participants == nil)
        #expect(unheld?.rating == nil)
        #expect(unheld?.isMissed == true)
    }

    @Test func aDrillHeldWithoutASchedulePassesOnlyByItsHolding() {
        let drill = Drill.History(
            added: minute(0), held: Revisions(Recorded(Drill.Held(on: date("2024-05-01")), recordedAt: minute(0))))
        let listing = Drill.asOf(date("2024-04-01"), history: drill)
        #expect(listing?.status == .scheduled)
        #expect(listing?.scheduledOn == nil)
        #expect(listing?.isMissed == false)
        #expect(Drill.asOf(date("2024-05-01"), history: drill)?.status == .conducted)
    }
}
