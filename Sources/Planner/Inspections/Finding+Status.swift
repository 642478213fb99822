import Foundation

extension Finding {
    /// One step of a finding's life after it was found: a rectification reported (整改), or a
    /// re-inspection (复查) that passed or failed.
    public enum Step: String, Sendable, Codable {
        case rectified, passed, failed

        /// The step a re-inspection's result makes.
        public init(_ result: VerificationResult) {
            self = result == .pass ? .passed : .failed
        }
    }

    /// A step with the date it happened on.
    public struct DatedStep: Sendable, Equatable {
        public var step: Step
        public var on: LocalDate

        public init(_ step: Step, on date: LocalDate) {
            (self.step, self.on) = (step, date)
        }
    }

    /// What a correction (`finding correct`) changed of what the reports read: the deadline,
    /// the severity, or both.
    public struct Correction: Sendable, Equatable {
        public var due: LocalDate?
        public var severity: Severity?

        public init(due: LocalDate? = nil, severity: Severity? = nil) {
            (self.due, self.severity) = (due, severity)
        }
    }

    /// What a finding's status reads of its history, each fact with the instant it was
    /// recorded.
    public struct History: Sendable, Equatable {
        /// When the finding was added.
        public var added: Date
        /// The date of the inspection (or drill evaluation) that found it.
        public var foundOn: LocalDate
        /// The deadline, fixed to a date when the finding was recorded.
        public var due: LocalDate
        /// Its steps, in the order they were recorded.
        public var steps: [Recorded<DatedStep>]
        /// The date a major finding was written off (核销) on, if it was.
        public var writtenOff: Recorded<LocalDate>?
        /// Its corrections (`finding correct`), in the order recorded.
        public var corrections: [Recorded<Correction>]

        public init(
            added: Date, foundOn: LocalDate, due: LocalDate, steps: [Recorded<DatedStep>] = [],
            writtenOff: Recorded<LocalDate>? = nil, corrections: [Recorded<Correction>] = []
        ) {
            (self.added, self.foundOn, self.due, self.steps, self.writtenOff, self.corrections) = (
                added, foundOn, due, steps, writtenOff, corrections
            )
        }

        /// The deadline as the log stood at `instant` (nil: the whole log): the latest
        /// correction of it recorded by then, else the one first recorded.
        public func due(at instant: Date?) -> LocalDate {
            corrections.last { $0.isKnown(at: instant) && $0.value.due != nil }?.value.due ?? due
        }

        /// The severity as the log stood at `instant`, given the one first recorded.
        public func severity(_ original: Severity, at instant: Date?) -> Severity {
            corrections.last { $0.isKnown(at: instant) && $0.value.severity != nil }?.value.severity ?? original
        }
    }

    /// A finding's status as of a date, and how far past its deadline it is while open.
    public struct Standing: Sendable, Equatable {
        public var status: Status
        /// Days past the deadline while open and overdue, nil otherwise.
        public var daysOverdue: Int?

        public init(status: Status, daysOverdue: Int?) {
            (self.status, self.daysOverdue) = (status, daysOverdue)
        }

        /// True when the finding is open and the as-of date is after its deadline.
        public var isOverdue: Bool { daysOverdue != nil }
    }

    /// The finding on `date` as the log stood at `instant` (nil: the whole log), or nil when it
    /// was not found by `date` or not recorded by `instant` (DESIGN.md, "Semantics that
    /// reports rely on"): only steps dated on or before `date` count, the latest of them
    /// decides the status, and an open finding is overdue once `date` is after its deadline.
    public static func asOf(_ date: LocalDate, recordedAsOf instant: Date? = nil, history: History) -> Standing? {
        guard RecordedAsOf.shows(history.added, at: instant), history.foundOn <= date else { return nil }
        // Steps are recorded in date order (a step may not precede the previous one); the
        // latest date wins, and the later record among steps of one day.
        let counted = history.steps.enumerated()
            .compactMap { index, step in step.known(at: instant).map { (index, $0) } }
            .filter { $0.1.on <= date }
        let last = counted.max { ($0.1.on, $0.0) < ($1.1.on, $1.0) }
        let status = Status.after(last?.1.step)
        let due = history.due(at: instant)
        let overdue = status == .open && Overdue.isOverdue(due: due, asOf: date)
        return Standing(status: status, daysOverdue: overdue ? Overdue.days(due: due, asOf: date) : nil)
    }
}

extension Finding.Status {
    /// The status a finding is left in by its latest step (nil: none yet), the life cycle
    /// open → rectified → closed, or back to open when the re-inspection fails.
    public static func after(_ step: Finding.Step?) -> Finding.Status {
        switch step {
        case nil, .failed: return .open
        case .rectified: return .rectified
        case .passed: return .closed
        }
    }
}
