extension Period {
    /// The periods a question selects for a schedule, in order.
    public static func periods(_ schedule: Schedule, selection: PeriodSelection, calendar: HolidayCalendar) -> [Period]
    {
        switch schedule {
        case .weekly: return weeks(selection)
        case .monthly: return months(selection, length: 1)
        case .quarterly: return months(selection, length: 3)
        case .holiday(let window): return holidays(selection, window: window, calendar: calendar)
        case .fixedDay(let day, let window): return fixedDays(day, selection, window: window)
        case .fixedMonth(let month): return months(selection, length: 1).filter { $0.start.month == month }
        }
    }

    /// The periods that are required as of a date: selected and ended on or before it.
    public static func required(_ periods: [Period], asOf date: LocalDate) -> [Period] {
        periods.filter { $0.end <= date }
    }

    /// The Monday of ISO week 1 of an ISO week-year: the week holding 4 January.
    public static func isoWeekOneMonday(_ year: Int) -> LocalDate {
        guard let january4 = LocalDate(year: year, month: 1, day: 4) else { return LocalDate(dayNumber: 0) }
        return january4.adding(days: 1 - january4.isoWeekday)
    }

    /// The ISO week-year and week number of a date.
    public static func isoWeek(of date: LocalDate) -> (year: Int, week: Int) {
        var year = date.year
        if date >= isoWeekOneMonday(year + 1) {
            year += 1
        } else if date < isoWeekOneMonday(year) {
            year -= 1
        }
        return (year, isoWeekOneMonday(year).days(until: date) / 7 + 1)
    }

    static func weekLabel(year: Int, week: Int) -> String {
        "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    private static func weeks(_ selection: PeriodSelection) -> [Period] {
        let (first, limit): (LocalDate, LocalDate)
        switch selection {
        case .year(let year):
            first = isoWeekOneMonday(year)
            limit = isoWeekOneMonday(year + 1).adding(days: -1)
        case .range(let from, let to):
            first = from.adding(days: (8 - from.isoWeekday) % 7)
            limit = to
        }
        var periods: [Period] = []
        var monday = first
        while monday.adding(days: 6) <= limit {
            let (year, week) = isoWeek(of: monday)
            periods.append(Period(label: weekLabel(year: year, week: week), start: monday, end: monday.adding(days: 6)))
            monday = monday.adding(days: 7)
        }
        return periods
    }

    private static func months(_ selection: PeriodSelection, length: Int) -> [Period] {
        let (firstMonth, limit): (LocalDate?, LocalDate?)
        switch selection {
        case .year(let year):
            firstMonth = LocalDate(year: year, month: 1, day: 1)
            limit = LocalDate(year: year, month: 12, day: 31)
        case .range(let from, let to):
            let startMonth = ((from.month - 1) / length) * length + 1
            let aligned = LocalDate(year: from.year, month: startMonth, day: 1)
            firstMonth = aligned.map { $0 < from ? $0.adding(months: length) : $0 }
            limit = to
        }
        guard var start = firstMonth, let limit else { return [] }
        var periods: [Period] = []
        while true {
            let end = start.adding(months: length).adding(days: -1)
            guard end <= limit else { break }
            let label =
                length == 3
                ? "\(start.year)-Q\((start.month - 1) / 3 + 1)"
                : "\(start.year)-\(start.month < 10 ? "0" : "")\(start.month)"
            periods.append(Period(label: label, start: start, end: end))
            start = start.adding(months: length)
        }
        return periods
    }

    private static func holidays(_ selection: PeriodSelection, window: Int, calendar: HolidayCalendar) -> [Period] {
        let blocks: [HolidayBlock]
        switch selection {
        case .year(let year):
            blocks = calendar.blocks(year: year)
        case .range(let from, let to):
            blocks = (from.year...(to.year + 1)).flatMap { calendar.blocks(year: $0) }
                .filter { $0.first >= from && $0.first <= to }
        }
        return blocks.map { Period(label: $0.label, start: $0.first.adding(days: -window), end: $0.last) }
    }
}
