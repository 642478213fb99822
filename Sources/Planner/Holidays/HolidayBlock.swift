/// A holiday as people take it: the notice's off days widened by the ordinary weekend days
/// next to them (2017 劳动节 is listed as 1 May and was taken 29 April – 1 May).
public struct HolidayBlock: Hashable, Sendable, Codable {
    /// The notice's name, e.g. `劳动节` or `中秋节、国庆节`.
    public var name: String
    /// The notice year the holiday belongs to (元旦 2019 starts on 30 December 2018).
    public var year: Int
    public var first: LocalDate
    public var last: LocalDate

    /// The label reports use: the year and the name, e.g. `2019 劳动节`.
    public var label: String { "\(year) \(name)" }

    /// Blocks of one notice: each name's runs of consecutive off days, widened by adjacent
    /// ordinary weekend days (never a make-up working day), then merged where they touch.
    public static func blocks(of notice: HolidayNotice, makeUpDays: Set<LocalDate>) -> [HolidayBlock] {
        var runs: [HolidayBlock] = []
        let offDays = notice.days.filter(\.isOffDay).sorted { $0.date < $1.date }
        var names: [String] = []
        for day in offDays where !names.contains(day.name) { names.append(day.name) }
        for name in names {
            let dates = offDays.filter { $0.name == name }.map(\.date)
            var start = dates[0]
            var previous = dates[0]
            for date in dates.dropFirst().map(Optional.some) + [nil] {
                if let date, date.dayNumber == previous.dayNumber + 1 {
                    previous = date
                    continue
                }
                runs.append(HolidayBlock(name: name, year: notice.year, first: start, last: previous))
                if let date {
                    start = date
                    previous = date
                }
            }
        }
        let ordinaryWeekend = { (date: LocalDate) in date.isWeekend && !makeUpDays.contains(date) }
        for index in runs.indices {
            while ordinaryWeekend(runs[index].first.adding(days: -1)) {
                runs[index].first = runs[index].first.adding(days: -1)
            }
            while ordinaryWeekend(runs[index].last.adding(days: 1)) {
                runs[index].last = runs[index].last.adding(days: 1)
            }
        }
        runs.sort { ($0.first, $0.last) < ($1.first, $1.last) }
        var merged: [HolidayBlock] = []
        for run in runs {
            if var open = merged.last, run.first.dayNumber <= open.last.dayNumber + 1 {
                open.last = max(open.last, run.last)
                let parts = open.name.split(separator: "、").map(String.init)
                if !parts.contains(run.name) { open.name += "、" + run.name }
                merged[merged.count - 1] = open
            } else {
                merged.append(run)
            }
        }
        return merged
    }
}
