import Foundation
import Planner
import Postgres

/// A point of view a report is asked from: an as-of date, and the log as it stood at an
/// instant (nil: the whole log).
struct Viewpoint: CustomStringConvertible {
    var date: LocalDate
    var instant: Date?
    /// Where the instant falls, for failure messages.
    var note: String

    var description: String {
        guard let instant else { return "as of \(date), whole log" }
        return "as of \(date), recorded as of \(PostgresTime.format(instant)) (\(note))"
    }
}

extension LogFacts {
    /// The kinds of event the random history does not produce, and why.
    static let unproduced = [
        "HolidayNoticeImported",  // The history's holiday campaign reads the shipped calendar.
        // Budgets, expenses and targets change no drill, finding or compliance report; budget
        // list is held to its own rule (its latest setting, its recorded-as-of view) in
        // ShellDatabaseTests/BudgetListTests.
        "BudgetSet", "ExpenseRecorded", "TargetSet", "ExpenseRetracted",
        // The rules' facts give each plan, drill and finding one community (LogFacts), so a
        // moved unit would need community histories there too; unit move and its
        // recorded-as-of view are held to the reports in CorrectionTests instead.
        "UnitMoved",
        // The obligation's history holds one start and cadence per plan; plan correct and its
        // recorded-as-of view are held to drills overdue and due in CorrectionTests.
        "PlanCorrected",
    ]

    /// The kinds of event the recorded-as-of instants fall around: every registered kind the
    /// random history produces, so a new event type is covered (or listed in `unproduced`)
    /// as soon as it is registered.
    static let instantKinds = EventRegistry.types.map(\.name).filter { !unproduced.contains($0) }

    /// Viewpoints for a property test: for `perKind` events of every kind in `instantKinds`,
    /// the instant just before it was recorded (the previous event's) and the instant it was,
    /// each asked as of the event's own date, a date after it and a random date; then
    /// `wholeLog` random dates with no instant. Dates run from December 2022 to March 2026.
    func viewpoints(_ random: inout SeededRandom, perKind: Int = 2, wholeLog: Int = 8) -> [Viewpoint] {
        let first = LocalDate(year: 2022, month: 12, day: 1) ?? RandomHistory.epoch
        var viewpoints: [Viewpoint] = []
        for kind in Self.instantKinds {
            let indices = log.indices.filter { log[$0].type == kind && $0 > 0 }
            for _ in 0..<perKind {
                guard let index = random.pick(indices) else { continue }
                let event = log[index]
                let own = date(of: event.event, in: event.streamID) ?? first.adding(days: random.next(1200))
                let dates = [own, own.adding(days: 1 + random.next(90)), first.adding(days: random.next(1200))]
                var instants = [(event.recordedAt, "just after \(kind) at position \(event.position)")]
                let previous = log[index - 1].recordedAt
                if previous < event.recordedAt {
                    instants.append((previous, "just before \(kind) at position \(event.position)"))
                }
                for (instant, note) in instants {
                    viewpoints += dates.map { Viewpoint(date: $0, instant: instant, note: note) }
                }
            }
        }
        for _ in 0..<wholeLog {
            viewpoints.append(Viewpoint(date: first.adding(days: random.next(1200)), instant: nil, note: ""))
        }
        return viewpoints
    }

    /// The date an event is about: its `on` date (a closure, a retirement, a drill, a step...),
    /// the date of the inspection that found a finding; for an event with no date of its own
    /// (a retraction, a cancellation, a reclassification), the date its stream began with.
    private func date(of event: Event, in stream: String) -> LocalDate? {
        if let own = Self.ownDate(of: event) { return own }
        return log.lazy.filter { $0.streamID == stream }.compactMap { Self.ownDate(of: $0.event) }.first
    }

    /// The payload's `on` (or `inspectedOn`) date, read by reflection so that every event
    /// type is covered without a list to keep up.
    private static func ownDate(of event: Event) -> LocalDate? {
        guard let payload = Mirror(reflecting: event).children.first?.value else { return nil }
        for child in Mirror(reflecting: payload).children where child.label == "on" || child.label == "inspectedOn" {
            if let date = child.value as? LocalDate { return date }
        }
        return nil
    }
}
