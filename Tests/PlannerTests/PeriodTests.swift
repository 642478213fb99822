import Testing

@testable import Planner

@Suite("Periods: weeks, months, quarters")
struct PeriodTests {
    let calendar = Notices.calendar

    func labels(_ schedule: Schedule, _ selection: PeriodSelection) -> [String] {
        Period.periods(schedule, selection: selection, calendar: calendar).map(\.label)
    }

    // MARK: - ISO weeks

    @Test(
        "an ISO week-year has 52 or 53 weeks, week 1 holding 4 January",
        arguments: [
            (2015, 53, "2014-12-29"), (2017, 52, "2017-01-02"), (2018, 52, "2018-01-01"),
            (2019, 52, "2018-12-31"), (2020, 53, "2019-12-30"), (2026, 53, "2025-12-29"),
        ])
    func weeksOfAYear(year: Int, count: Int, firstMonday: String) {
        let weeks = Period.periods(.weekly, selection: .year(year), calendar: calendar)
        #expect(weeks.count == count)
        #expect(Period.isoWeekOneMonday(year) == date(firstMonday))
        #expect(weeks.first?.start == date(firstMonday))
        #expect(weeks.first?.label == "\(year)-W01")
        #expect(weeks.last?.label == "\(year)-W\(count)")
        #expect(weeks.allSatisfy { $0.start.isoWeekday == 1 && $0.end.isoWeekday == 7 })
        for (earlier, later) in zip(weeks, weeks.dropFirst()) {
            #expect(later.start == earlier.end.adding(days: 1), "\(earlier.label) → \(later.label)")
        }
    }

    @Test func weeksOf2019StartInDecember2018() {
        let weeks = Period.periods(.weekly, selection: .year(2019), calendar: calendar)
        #expect(weeks.first?.summary == "2019-W01 2018-12-31..2019-01-06")
        #expect(weeks.last?.summary == "2019-W52 2019-12-23..2019-12-29")
        #expect(weeks.map(\.label).contains("2019-W09"))
    }

    @Test func week53Of2020EndsIn2021() {
        let weeks = Period.periods(.weekly, selection: .year(2020), calendar: calendar)
        #expect(weeks.last?.summary == "2020-W53 2020-12-28..2021-01-03")
    }

    @Test(
        "the ISO week of a date",
        arguments: [
            ("2018-12-31", 2019, 1), ("2021-01-03", 2020, 53), ("2016-01-03", 2015, 53), ("2019-12-30", 2020, 1),
            ("2017-01-01", 2016, 52), ("2019-04-01", 2019, 14), ("2019-04-07", 2019, 14),
        ])
    func isoWeek(text: String, year: Int, week: Int) {
        let (weekYear, number) = Period.isoWeek(of: date(text))
        #expect(weekYear == year)
        #expect(number == week)
    }

    // MARK: - Months and quarters

    @Test func monthsOf2019() {
        let months = Period.periods(.monthly, selection: .year(2019), calendar: calendar)
        #expect(months.count == 12)
        #expect(months.first?.summary == "2019-01 2019-01-01..2019-01-31")
        #expect(months.first { $0.label == "2019-02" }?.end == date("2019-02-28"))
        #expect(months.first { $0.label == "2019-04" }?.summary == "2019-04 2019-04-01..2019-04-30")
        #expect(months.last?.summary == "2019-12 2019-12-01..2019-12-31")
    }

    @Test func quartersOf2019() {
        let quarters = Period.periods(.quarterly, selection: .year(2019), calendar: calendar)
        #expect(
            quarters.map(\.summary) == [
                "2019-Q1 2019-01-01..2019-03-31", "2019-Q2 2019-04-01..2019-06-30",
                "2019-Q3 2019-07-01..2019-09-30", "2019-Q4 2019-10-01..2019-12-31",
            ])
    }

    @Test func leapFebruary() {
        let months = Period.periods(.monthly, selection: .year(2016), calendar: calendar)
        #expect(months.first { $0.label == "2016-02" }?.end == date("2016-02-29"))
    }

    // MARK: - Ranges keep only the periods wholly inside

    @Test(
        "a range selects the periods lying wholly inside it",
        arguments: [
            (Schedule.monthly, "2019-04-10", "2019-07-31", ["2019-05", "2019-06", "2019-07"]),
            (.monthly, "2019-04-01", "2019-07-30", ["2019-04", "2019-05", "2019-06"]),
            (.monthly, "2019-04-02", "2019-05-30", []),
            (.quarterly, "2019-02-01", "2019-12-30", ["2019-Q2", "2019-Q3"]),
            (.quarterly, "2018-10-01", "2019-03-31", ["2018-Q4", "2019-Q1"]),
            (.weekly, "2019-04-03", "2019-04-21", ["2019-W15", "2019-W16"]),
            (.weekly, "2019-04-01", "2019-04-13", ["2019-W14"]),
            (.weekly, "2019-12-23", "2020-01-05", ["2019-W52", "2020-W01"]),
        ])
    func range(schedule: Schedule, from: String, to: String, expected: [String]) {
        #expect(labels(schedule, .range(date(from), date(to))) == expected)
    }

    // MARK: - Required periods

    @Test(
        "a period is required once it has ended on or before the as-of date",
        arguments: [
            ("2019-03-30", [String]()),
            ("2019-03-31", ["2019-Q1"]),
            ("2019-05-15", ["2019-Q1"]),
            ("2019-06-30", ["2019-Q1", "2019-Q2"]),
            ("2020-01-01", ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"]),
        ])
    func requiredQuarters(asOf: String, expected: [String]) {
        let quarters = Period.periods(.quarterly, selection: .year(2019), calendar: calendar)
        #expect(Period.required(quarters, asOf: date(asOf)).map(\.label) == expected)
    }

    @Test func requiredWeeksMidWeek() {
        let weeks = Period.periods(.weekly, selection: .year(2019), calendar: calendar)
        // Wednesday of week 3: weeks 1 and 2 have ended, week 3 has not.
        #expect(Period.required(weeks, asOf: date("2019-01-16")).map(\.label) == ["2019-W01", "2019-W02"])
        #expect(Period.required(weeks, asOf: date("2019-01-06")).map(\.label) == ["2019-W01"])
    }

    @Test func requiredHolidayPeriodEndsWithItsBlock() {
        let holidays = Period.periods(.holiday(windowDays: 7), selection: .year(2017), calendar: calendar)
        let mayDay = holidays.filter { $0.label == "2017 劳动节" }
        #expect(mayDay.count == 1)
        #expect(Period.required(mayDay, asOf: date("2017-04-30")).isEmpty)
        #expect(Period.required(mayDay, asOf: date("2017-05-01")).count == 1)
    }
}
