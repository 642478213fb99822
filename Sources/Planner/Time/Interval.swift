/// A length of time as users type it: `7d`, `2w`, `6m`, `1y`, or `5wd` working days.
public struct Interval: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Codable, CaseIterable {
        case days = "d"
        case weeks = "w"
        case months = "m"
        case years = "y"
        case workingDays = "wd"
    }

    public var count: Int
    public var unit: Unit

    public init(_ count: Int, _ unit: Unit) {
        (self.count, self.unit) = (count, unit)
    }

    /// Parses `7d`, `2w`, `6m`, `1y` or `5wd`; nil for anything else (including `0d`).
    public init?(_ text: some StringProtocol) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 5, let count = Int(digits), count > 0,
            let unit = Unit(rawValue: String(text.dropFirst(digits.count)))
        else { return nil }
        self.init(count, unit)
    }

    public var description: String { "\(count)\(unit.rawValue)" }

    /// Whole calendar months when the interval is a month or year count, otherwise nil.
    public var months: Int? {
        switch unit {
        case .months: return count
        case .years: return count * 12
        default: return nil
        }
    }

    /// The date this interval after `date`, with working days counted on `calendar`.
    public func after(_ date: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        switch unit {
        case .days: return date.adding(days: count)
        case .weeks: return date.adding(days: 7 * count)
        case .months: return date.adding(months: count)
        case .years: return date.adding(months: 12 * count)
        case .workingDays: return calendar.workingDay(count, after: date)
        }
    }
}
