/// How often a publicity campaign is owed.
public enum Cadence: String, Sendable, Codable, CaseIterable {
    case weekly
    case monthly
    case quarterly
    case holiday
    /// Once a year, around a fixed day (`--on 11-09`).
    case fixedDay = "fixed-day"
    /// Once a year, in a fixed month (`--month 6`).
    case fixedMonth = "fixed-month"
}

/// A cadence with what it needs to find its periods: the window of holidays and fixed days,
/// the day, the month.
public enum Schedule: Sendable, Equatable {
    case weekly
    case monthly
    case quarterly
    /// Each holiday block, from `windowDays` before its first day through its last.
    case holiday(windowDays: Int)
    /// The day each year, from `windowDays` before it through the day.
    case fixedDay(FixedDay, windowDays: Int)
    /// That calendar month (1–12) each year.
    case fixedMonth(Int)

    /// The schedule a campaign was defined with; the error says what the definition lacks
    /// (a log written by Vigil always has it).
    public init(cadence: Cadence, windowDays: Int, day: FixedDay?, month: Int?) throws(EventDecodingError) {
        switch cadence {
        case .weekly: self = .weekly
        case .monthly: self = .monthly
        case .quarterly: self = .quarterly
        case .holiday: self = .holiday(windowDays: windowDays)
        case .fixedDay:
            guard let day else {
                throw EventDecodingError(type: "CampaignDefined", reason: "a fixed-day campaign without its day")
            }
            self = .fixedDay(day, windowDays: windowDays)
        case .fixedMonth:
            guard let month, (1...12).contains(month) else {
                throw EventDecodingError(type: "CampaignDefined", reason: "a fixed-month campaign without its month")
            }
            self = .fixedMonth(month)
        }
    }

    /// The schedule from its stored text (a projection row and its defining event).
    public init(storedCadence: String, windowDays: Int, day: String?, month: Int?) throws(EventDecodingError) {
        guard let cadence = Cadence(rawValue: storedCadence) else {
            throw EventDecodingError(type: "CampaignDefined", reason: "unknown cadence \(storedCadence)")
        }
        let fixedDay = day.flatMap { FixedDay($0) }
        if let day, fixedDay == nil {
            throw EventDecodingError(type: "CampaignDefined", reason: "unknown day \(day)")
        }
        try self.init(cadence: cadence, windowDays: windowDays, day: fixedDay, month: month)
    }

    public var cadence: Cadence {
        switch self {
        case .weekly: return .weekly
        case .monthly: return .monthly
        case .quarterly: return .quarterly
        case .holiday: return .holiday
        case .fixedDay: return .fixedDay
        case .fixedMonth: return .fixedMonth
        }
    }

    /// The flags of `campaign define` that give this schedule, e.g.
    /// `--cadence fixed-day --on 11-09 --window 7d`.
    public var flags: String {
        var flags = "--cadence " + cadence.rawValue
        switch self {
        case .fixedDay(let day, _): flags += " --on \(day)"
        case .fixedMonth(let month): flags += " --month \(month)"
        default: break
        }
        if let windowDays { flags += " --window \(windowDays)d" }
        return flags
    }

    /// How far before a holiday block or a fixed day activities count; nil for the others.
    public var windowDays: Int? {
        switch self {
        case .holiday(let days), .fixedDay(_, let days): return days
        default: return nil
        }
    }

    /// The day or month the cadence is tied to, as typed: `11-09`, `03-last-mon`, `6`.
    public var anchor: String? {
        switch self {
        case .fixedDay(let day, _): return day.description
        case .fixedMonth(let month): return String(month)
        default: return nil
        }
    }
}

/// Which periods a compliance question selects.
public enum PeriodSelection: Sendable, Equatable {
    /// Periods labelled with the year: ISO week-year for weeks, notice year for holidays, the
    /// year of the day for fixed days.
    case year(Int)
    /// Periods lying wholly inside the range; holidays whose block starts inside it; fixed
    /// days lying inside it (even when their window starts before the range).
    case range(LocalDate, LocalDate)
}

/// One period a campaign is owed in, e.g. `2019-W14`, `2019-04`, `2019-Q2`, `2019 劳动节` or
/// `2019 11-09`.
public struct Period: Hashable, Sendable {
    public var label: String
    public var start: LocalDate
    public var end: LocalDate
}
