import Foundation

/// What one unit owes in fire inspections (防火检查) as of a date, with the same semantics as a
/// plan's drills (`DrillObligation`): the rule that decides its cadence, its last inspection,
/// the date the next one is due and how many days that is past.
///
/// A unit comes under its rule on the later of the rule's in-force date and the day the record
/// first knows the unit: the local date it was added, or the date of an earlier fire inspection
/// of it (records entered late carry it back). Until then, and from its closure date, it owes
/// nothing. Its cadence is the strictest `inspection` rule of the catalogue in force on the
/// as-of date for its classification as the log stood (a reclassification changes the rule for
/// every question asked after it was recorded). Due = the last fire inspection on or before the
/// as-of date (or the day it came under the rule) plus the cadence in calendar months.
///
/// This is the rule `inspections overdue` and `inspections due` answer; the store answers it
/// in SQL, and the PlannerStore tests hold that SQL against `asOf(_:recordedAsOf:history:)`.
public struct InspectionObligation: Sendable, Equatable {
    /// The rule that decides the cadence.
    public var rule: Rule
    /// The last fire inspection on or before the as-of date, nil when there is none.
    public var lastInspection: LocalDate?
    /// The last inspection (or the day the unit came under the rule) plus the cadence.
    public var due: LocalDate
    /// Days past due: positive when overdue, zero on the due date, negative while ahead.
    public var daysOverdue: Int

    public init(rule: Rule, lastInspection: LocalDate?, due: LocalDate, daysOverdue: Int) {
        (self.rule, self.lastInspection, self.due, self.daysOverdue) = (rule, lastInspection, due, daysOverdue)
    }

    /// True when the as-of date is after the due date.
    public var isOverdue: Bool { daysOverdue > 0 }

    /// True when the inspection is not yet overdue and falls due on or before `limit`.
    public func isDue(by limit: LocalDate) -> Bool {
        !isOverdue && due <= limit
    }

    /// The kind of inspection that meets the shipped inspection rules (防火检查).
    public static let kind = InspectionKind.fire
}

extension InspectionObligation {
    /// A unit's classification, as added or reclassified.
    public struct Classification: Sendable, Equatable {
        public var kind: UnitKind?
        public var keyFireUnit: Bool?

        public init(kind: UnitKind?, keyFireUnit: Bool?) {
            (self.kind, self.keyFireUnit) = (kind, keyFireUnit)
        }
    }

    /// What the obligation reads of one unit's history, each fact with the instant it was
    /// recorded.
    public struct History: Sendable, Equatable {
        /// When the unit was added, and that instant's date in the office's time zone.
        public var added: Date
        public var addedOn: LocalDate
        /// The classification it was added with, then each reclassification (nil: unchanged).
        public var classifications: [Recorded<Classification>]
        /// The date the unit was closed on, if it was.
        public var closed: Recorded<LocalDate>?
        /// The dates of its fire inspections.
        public var inspections: [Recorded<LocalDate>]

        public init(
            added: Date, addedOn: LocalDate, classifications: [Recorded<Classification>],
            closed: Recorded<LocalDate>? = nil, inspections: [Recorded<LocalDate>] = []
        ) {
            (self.added, self.addedOn, self.classifications, self.closed, self.inspections) = (
                added, addedOn, classifications, closed, inspections
            )
        }

        /// The kind and key-fire-unit flag as the log stood at `instant`.
        public func classification(at instant: Date?) -> (UnitKind, Bool)? {
            let known = classifications.compactMap { $0.known(at: instant) }
            guard let kind = known.compactMap(\.kind).last else { return nil }
            return (kind, known.compactMap(\.keyFireUnit).last ?? false)
        }
    }

    /// The unit's obligation on `date` as the log stood at `instant` (nil: the whole log), or
    /// nil when it owes none then: not yet added, closed on or before `date`, under no
    /// inspection rule, or not yet under it.
    public static func asOf(
        _ date: LocalDate, recordedAsOf instant: Date? = nil, history: History,
        catalogue: RuleCatalogue = RuleCatalogue()
    ) -> InspectionObligation? {
        guard RecordedAsOf.shows(history.added, at: instant),
            let (kind, keyFireUnit) = history.classification(at: instant)
        else { return nil }
        if let closed = history.closed?.known(at: instant), closed <= date { return nil }
        guard let rule = catalogue.inspectionCadence(kind: kind, keyFireUnit: keyFireUnit, on: date),
            let months = rule.months
        else { return nil }
        let inspections = history.inspections.compactMap { $0.known(at: instant) }
        let entered = min(history.addedOn, inspections.min() ?? history.addedOn)
        let start = max(rule.inForce, entered)
        guard start <= date else { return nil }
        let last = inspections.filter { $0 <= date }.max()
        let due = (last ?? start).adding(months: months)
        return InspectionObligation(
            rule: rule, lastInspection: last, due: due, daysOverdue: Overdue.days(due: due, asOf: date))
    }
}
