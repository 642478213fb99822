import EventStore
import Foundation
import Planner
import PlannerStore

/// The state of one shell: its store, its settings (`set …`) and how it writes output.
public final class Session {
    public let store: PlannerStore
    public var language: Language
    public var format: Format
    public var terminal: Terminal
    public var timeZone: TimeZone
    /// The street chosen with `--street`, `VIGIL_STREET` or `set street`; nil when none is.
    public internal(set) var street: Street?
    /// The street the connection works in (its setting `vigil.street`), as last set through
    /// `use(_:)`; nil while unset.
    var connectionStreet: Int?
    /// The streets of the district a one-query roll-up reads, while it runs.
    var rollUpStreets: [Street]?
    /// The as-of date set with `set today` or `--today`; nil follows the clock.
    public var todayOverride: LocalDate?
    /// The instant set with `set recorded-as-of`: reports show the log as it stood then.
    public var recordedAsOf: Date?
    /// Where relative file names (holiday import) are looked up: the script's folder for `-f`.
    public var baseDirectory: URL
    /// One correlation id per session, so an audit can group what one sitting recorded.
    let correlationID = UUID()
    /// Where a long command (an import) reports how far it has got, rewriting one line: set
    /// when standard error is a terminal; nil reports nothing.
    public var progress: ((String) -> Void)?
    /// Rules for plans without `--every`.
    public var catalogue = RuleCatalogue()
    /// The Vigil roles of the connected user, read once. Roles that cannot be read count as
    /// none: every command that needs one is then refused, and the database refuses it too.
    public private(set) lazy var roles: Set<Role> = Role.of(store)

    public init(
        store: PlannerStore, language: Language, format: Format, terminal: Terminal, timeZone: TimeZone,
        baseDirectory: URL
    ) {
        (self.store, self.language, self.format, self.terminal, self.timeZone, self.baseDirectory) = (
            store, language, format, terminal, timeZone, baseDirectory
        )
    }

    /// The session's as-of date: the one set, or today on the clock in the office's time zone.
    public var today: LocalDate {
        if let todayOverride { return todayOverride }
        // Days since 1970-01-01 on the office's wall clock: the same count LocalDate keeps.
        let now = Date()
        let seconds = now.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: now))
        return LocalDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }

    /// The point of view of reports.
    public var asOf: AsOf {
        AsOf(date: today, recorded: recordedAsOf)
    }

    func text(_ l: L) -> String {
        l.text(language)
    }

    func metadata() -> EventMetadata {
        EventMetadata(correlationID: correlationID)
    }

    /// A recorded instant as `history` and `attachments` show it: local time, to the second.
    func recordedTime(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: instant)
    }

    /// Runs a writing command in one transaction: nothing of it stays when it throws.
    @discardableResult
    func write<T>(_ body: (PlannerStore) throws -> T) throws -> T {
        try store.transaction { try body(store) }
    }
}

extension Session {
    /// The date a duration after `date` reaches, working days counted on the holiday calendar
    /// (`--within 5wd`).
    func date(_ duration: Interval, after date: LocalDate) throws -> LocalDate {
        let calendar = try store.holidayCalendar(years: (date.year - 1)...(date.year + 2))
        return duration.after(date, calendar: calendar)
    }
}
