/// The statutory holidays and make-up working days known for a range of years.
///
/// Each year comes from the best source available: an imported notice, else the data shipped
/// with Vigil, else a computation from the lunar calendar (marked as not official).
public struct HolidayCalendar: Sendable {
    /// The notice in force for each year that has one.
    public private(set) var notices: [Int: HolidayNotice]
    private var offDays: Set<LocalDate> = []
    private var makeUpDays: Set<LocalDate> = []

    /// A calendar of the given imported notices, with shipped or computed data for other years.
    public init(imported: [HolidayNotice] = [], years: ClosedRange<Int>) {
        var notices: [Int: HolidayNotice] = [:]
        for year in years {
            notices[year] = HolidayCalendar.shipped[year] ?? ComputedHolidays.notice(for: year)
        }
        for notice in imported {
            notices[notice.year] = notice
        }
        self.notices = notices
        for notice in notices.values {
            for day in notice.days {
                if day.isOffDay { offDays.insert(day.date) } else { makeUpDays.insert(day.date) }
            }
        }
    }

    /// The shipped notices, parsed once: every compliance report builds a calendar.
    private static let shipped: [Int: HolidayNotice] = Dictionary(
        uniqueKeysWithValues: (ShippedHolidays.firstYear...ShippedHolidays.lastYear).compactMap { year in
            ShippedHolidays.notice(for: year).map { (year, $0) }
        })

    /// The notice for a year, if the calendar covers it.
    public func notice(for year: Int) -> HolidayNotice? {
        notices[year]
    }

    /// Where the year's data came from.
    public func origin(of year: Int) -> HolidayNotice.Origin? {
        notices[year]?.origin
    }

    /// The holiday blocks of a notice year, widened by adjacent ordinary weekend days.
    public func blocks(year: Int) -> [HolidayBlock] {
        guard let notice = notices[year] else { return [] }
        return HolidayBlock.blocks(of: notice, makeUpDays: makeUpDays)
    }

    /// True on a day people work: a weekday that is no statutory off day, or a make-up day.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if makeUpDays.contains(date) { return true }
        return !date.isWeekend && !offDays.contains(date)
    }

    public func isMakeUpDay(_ date: LocalDate) -> Bool {
        makeUpDays.contains(date)
    }

    /// The `count`-th working day after `date` (`5wd`): weekends and off days skipped, make-up
    /// working days counted.
    public func workingDay(_ count: Int, after date: LocalDate) -> LocalDate {
        var day = date
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }
}

extension HolidayCalendar {
    /// Puts a year's notice in place of what the calendar had for it.
    public mutating func replace(_ notice: HolidayNotice) {
        var all = Array(notices.values.filter { $0.year != notice.year })
        all.append(notice)
        let years = notices.keys.min().map { min($0, notice.year) } ?? notice.year
        let last = notices.keys.max().map { max($0, notice.year) } ?? notice.year
        self = HolidayCalendar(imported: all, years: years...last)
    }
}
