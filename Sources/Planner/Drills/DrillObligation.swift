import Foundation

/// What one plan owes in drills as of a date (DESIGN.md, "Semantics that reports rely on"):
/// its last drill, the date the next one is due and how many days that is past.
///
/// This is the rule `drills overdue` and `drills due` answer; the store answers it in SQL
/// for speed, and the PlannerStore tests hold that SQL against `asOf(_:recordedAsOf:history:)`.
public struct DrillObligation: Sendable, Equatable {
    /// The last drill held on or before the as-of date, nil when there is none.
    public var lastDrill: LocalDate?
    /// The last drill (or the plan's start, when there is none) plus the cadence.
    public var due: LocalDate
    /// Days past due: positive when overdue, zero on the due date, negative while ahead.
    public var daysOverdue: Int

    public init(lastDrill: LocalDate?, due: LocalDate, daysOverdue: Int) {
        (self.lastDrill, self.due, self.daysOverdue) = (lastDrill, due, daysOverdue)
    }

    /// True when the as-of date is after the due date.
    public var isOverdue: Bool { daysOverdue > 0 }

    /// True when the drill is not yet overdue and falls due on or before `limit`
    /// (`drills due --within D`: `limit` is D after the as-of date).
    public func isDue(by limit: LocalDate) -> Bool {
        !isOverdue && due <= limit
    }
}

extension DrillObligation {
    /// What the obligation reads of one plan's history, each fact with the instant it was
    /// recorded.
    public struct History: Sendable, Equatable {
        /// When the plan was added.
        public var added: Date
        /// The date the plan takes effect.
        public var start: LocalDate
        /// The drill cadence in calendar months.
        public var everyMonths: Int
        /// The date the plan was retired on, if it was.
        public var retired: Recorded<LocalDate>?
        /// The date the plan's unit was closed on, if it was.
        public var unitClosed: Recorded<LocalDate>?
        /// The dates the plan's drills were held on: each as recorded, then as corrected.
        public var drills: [Revisions<LocalDate>]

        public init(
            added: Date, start: LocalDate, everyMonths: Int, retired: Recorded<LocalDate>? = nil,
            unitClosed: Recorded<LocalDate>? = nil, drills: [Revisions<LocalDate>] = []
        ) {
            (self.added, self.start, self.everyMonths, self.retired, self.unitClosed, self.drills) = (
                added, start, everyMonths, retired, unitClosed, drills
            )
        }

        /// A history whose drills' dates were never corrected.
        public init(
            added: Date, start: LocalDate, everyMonths: Int, retired: Recorded<LocalDate>? = nil,
            unitClosed: Recorded<LocalDate>? = nil, drills: [Recorded<LocalDate>]
        ) {
            self.init(
                added: added, start: start, everyMonths: everyMonths, retired: retired, unitClosed: unitClosed,
                drills: drills.map(Revisions.init))
        }
    }

    /// True when the plan is in force on `date` as the log stood at `instant` (nil: the whole
    /// log): added by then, started on or before `date`, and neither retired nor its unit
    /// closed on or before `date`.
    public static func isInForce(_ history: History, on date: LocalDate, recordedAsOf instant: Date? = nil) -> Bool {
        guard RecordedAsOf.shows(history.added, at: instant), history.start <= date else { return false }
        if let retired = history.retired?.known(at: instant), retired <= date { return false }
        if let closed = history.unitClosed?.known(at: instant), closed <= date { return false }
        return true
    }

    /// The plan's obligation on `date` as the log stood at `instant` (nil: the whole log), or
    /// nil when the plan is not in force then.
    ///
    /// Due = the last drill held on or before `date` (or the plan's start) plus the cadence in
    /// calendar months (31 January + 1 month = the end of February).
    public static func asOf(_ date: LocalDate, recordedAsOf instant: Date? = nil, history: History)
        -> DrillObligation?
    {
        guard isInForce(history, on: date, recordedAsOf: instant) else { return nil }
        let last = history.drills.compactMap { $0.known(at: instant) }.filter { $0 <= date }.max()
        let due = (last ?? history.start).adding(months: history.everyMonths)
        return DrillObligation(lastDrill: last, due: due, daysOverdue: Overdue.days(due: due, asOf: date))
    }
}
