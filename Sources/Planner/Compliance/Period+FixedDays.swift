import CivilTime

extension Period {
    /// The years whose fixed day a question selects: the year asked, or every year whose day
    /// lies inside the range.
    static func fixedDays(_ day: FixedDay, _ selection: PeriodSelection, window: Int) -> [Period] {
        let days: [LocalDate]
        switch selection {
        case .year(let year):
            days = [day.date(in: year)]
        case .range(let from, let to):
            days = (from.year...to.year).map { day.date(in: $0) }.filter { $0 >= from && $0 <= to }
        }
        return days.map { date in
            Period(
                label: "\(date.year) " + CivilDay.pad(date.month, 2) + "-" + CivilDay.pad(date.day, 2),
                start: date.adding(days: -window), end: date)
        }
    }
}
