import Foundation

/// A drill as `drills list` and `drills missed` show it as of a date, as the log stood at an
/// instant.
///
/// This is the rule those reports answer; the store answers it in SQL for speed, and the
/// PlannerStore tests hold that SQL against `asOf(_:recordedAsOf:history:)`.
extension Drill {
    /// What was recorded of a drill's holding: its date and head count.
    public struct Held: Sendable, Equatable {
        public var on: LocalDate
        public var participants: Int?

        public init(on date: LocalDate, participants: Int? = nil) {
            (self.on, self.participants) = (date, participants)
        }
    }

    /// What a drill's listing reads of its history, each fact with the instant it was recorded.
    public struct History: Sendable, Equatable {
        /// When its stream began: scheduled, or held without a schedule.
        public var added: Date
        /// The date it was scheduled for, then each reschedule, in the order recorded.
        public var schedule: [Recorded<LocalDate>]
        /// When its cancellation was recorded, if it was cancelled (a cancellation has no date).
        public var cancelled: Date?
        /// Its holding, if it was held: as recorded, then as each correction left it.
        public var held: Revisions<Held>?
        /// Its evaluations' ratings, in the order recorded.
        public var ratings: [Recorded<DrillRating>]

        public init(
            added: Date, schedule: [Recorded<LocalDate>] = [], cancelled: Date? = nil, held: Revisions<Held>? = nil,
            ratings: [Recorded<DrillRating>] = []
        ) {
            (self.added, self.schedule, self.cancelled, self.held, self.ratings) = (
                added, schedule, cancelled, held, ratings
            )
        }
    }

    /// One line of the drill list.
    public struct Listing: Sendable, Equatable {
        /// Conducted once held on or before the as-of date; a drill held after it still reads
        /// as scheduled.
        public var status: Status
        public var scheduledOn: LocalDate?
        /// The date it was held, whenever that is (the list shows a later holding too).
        public var conductedOn: LocalDate?
        public var participants: Int?
        public var rating: DrillRating?
        /// Scheduled for a date before the as-of date, and neither held nor cancelled as the
        /// log stood (`drills missed`).
        public var isMissed: Bool

        public init(
            status: Status, scheduledOn: LocalDate?, conductedOn: LocalDate?, participants: Int?,
            rating: DrillRating?, isMissed: Bool
        ) {
            (self.status, self.scheduledOn, self.conductedOn, self.participants, self.rating, self.isMissed) = (
                status, scheduledOn, conductedOn, participants, rating, isMissed
            )
        }

        /// The date the list is ordered and ranged by: the holding's, else the schedule's.
        public var listedOn: LocalDate? { conductedOn ?? scheduledOn }
    }

    /// The drill on `date` as the log stood at `instant` (nil: the whole log), or nil when its
    /// stream was not begun by `instant`. Every event recorded after `instant` is ignored: a
    /// reschedule, a cancellation, the holding, an evaluation.
    public static func asOf(_ date: LocalDate, recordedAsOf instant: Date? = nil, history: History) -> Listing? {
        guard RecordedAsOf.shows(history.added, at: instant) else { return nil }
        let scheduledOn = history.schedule.last { $0.isKnown(at: instant) }?.value
        let held = history.held?.known(at: instant)
        let cancelled = history.cancelled.map { RecordedAsOf.shows($0, at: instant) } ?? false
        let status: Status
        if let held {
            status = held.on <= date ? .conducted : .scheduled
        } else {
            status = cancelled ? .cancelled : .scheduled
        }
        let missed = held == nil && !cancelled && scheduledOn.map { $0 < date } == true
        return Listing(
            status: status, scheduledOn: scheduledOn, conductedOn: held?.on, participants: held?.participants,
            rating: history.ratings.last { $0.isKnown(at: instant) }?.value, isMissed: missed)
    }
}
