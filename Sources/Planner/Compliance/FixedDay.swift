import CivilTime

/// A day that comes once a year, around which publicity is organised: a date (`11-09`, 119
/// 全国消防日) or a weekday of a month (`03-last-mon`, 全国中小学生安全教育日, the last Monday
/// of March).
public enum FixedDay: Hashable, Sendable {
    /// That date of every year. 29 February is refused: it is not a day of every year.
    case date(month: Int, day: Int)
    /// The `nth` (1–4, or -1 for the last) ISO weekday (1 = Monday … 7 = Sunday) of the month.
    case weekday(month: Int, nth: Int, weekday: Int)

    static let ordinals = ["1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Parses `MM-DD` (`11-09`) or `MM-NTH-DAY` (`03-last-mon`, `05-2nd-sun`; NTH is 1st, 2nd,
    /// 3rd, 4th or last, DAY mon … sun); nil for anything else, 02-29 included.
    public init?(_ text: some StringProtocol) {
        let parts = String(text).split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let month = FixedDay.number(parts[0]), (1...12).contains(month)
        else { return nil }
        if parts.count == 2 {
            // A common year's length of the month: 02-29 is not a day of every year.
            guard let day = FixedDay.number(parts[1]), day >= 1, day <= LocalDate.daysIn(year: 2019, month: month)
            else { return nil }
            self = .date(month: month, day: day)
        } else {
            guard let nth = FixedDay.ordinals[parts[1]], let index = FixedDay.weekdays.firstIndex(of: parts[2])
            else { return nil }
            self = .weekday(month: month, nth: nth, weekday: index + 1)
        }
    }

    /// Every day a fixed-day campaign may name, dates first (01-01 … 12-31, no 02-29), then the
    /// weekday rules month by month: what the database accepts in a CampaignDefined `day`.
    public static let everyDay: [FixedDay] =
        (1...12).flatMap { month in
            (1...LocalDate.daysIn(year: 2019, month: month)).map { FixedDay.date(month: month, day: $0) }
        }
        + (1...12).flatMap { month in
            [1, 2, 3, 4, -1].flatMap { nth in (1...7).map { FixedDay.weekday(month: month, nth: nth, weekday: $0) } }
        }

    public var month: Int {
        switch self {
        case .date(let month, _), .weekday(let month, _, _): return month
        }
    }

    /// The day in a given year.
    public func date(in year: Int) -> LocalDate {
        let first = LocalDate(year: year, month: month, day: 1) ?? LocalDate(dayNumber: 0)
        switch self {
        case .date(_, let day):
            return first.adding(days: day - 1)
        case .weekday(_, let nth, let weekday) where nth > 0:
            return first.adding(days: (weekday - first.isoWeekday + 7) % 7 + 7 * (nth - 1))
        case .weekday(_, _, let weekday):
            let last = first.adding(months: 1).adding(days: -1)
            return last.adding(days: -((last.isoWeekday - weekday + 7) % 7))
        }
    }

    private static func number(_ text: String) -> Int? {
        guard (1...2).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

extension FixedDay: TextCoded {
    /// The canonical form: `11-09`, `03-last-mon`.
    public var description: String {
        switch self {
        case .date(let month, let day):
            return CivilDay.pad(month, 2) + "-" + CivilDay.pad(day, 2)
        case .weekday(let month, let nth, let weekday):
            let ordinal = FixedDay.ordinals.first { $0.value == nth }?.key ?? "\(nth)"
            return CivilDay.pad(month, 2) + "-" + ordinal + "-" + FixedDay.weekdays[weekday - 1]
        }
    }

    public static let expectedForm = "MM-DD or MM-NTH-DAY (03-last-mon)"
}
