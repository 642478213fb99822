import CivilTime

/// A calendar date in the office's time zone, with no time of day.
///
/// Dates are stored as a count of days since 1970-01-01 so that comparison and day arithmetic
/// are integer operations; the civil conversion follows Howard Hinnant's `days_from_civil`.
public struct LocalDate: Hashable, Comparable, Sendable, TextCoded {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Creates a date from its parts, or returns nil when they do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(year: year, month: month)
        else { return nil }
        self.dayNumber = CivilDay.number(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`; anything else (including impossible days) is nil.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var parts: (year: Int, month: Int, day: Int) {
        CivilDay.date(dayNumber)
    }

    public var year: Int { parts.year }
    public var month: Int { parts.month }
    public var day: Int { parts.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// Adds calendar months, clamping to the end of a shorter month (31 Jan + 1 month = 28/29 Feb).
    public func adding(months: Int) -> LocalDate {
        let (y, m, d) = parts
        let total = y * 12 + (m - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        let newDay = min(d, LocalDate.daysIn(year: newYear, month: newMonth))
        return LocalDate(dayNumber: CivilDay.number(year: newYear, month: newMonth, day: newDay))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    public var description: String {
        let (y, m, d) = parts
        return "\(CivilDay.pad(y, 4))-\(CivilDay.pad(m, 2))-\(CivilDay.pad(d, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    public static let expectedForm = "YYYY-MM-DD"

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
