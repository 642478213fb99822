import Testing

@testable import Planner

/// Fixed-day and fixed-month periods (DESIGN.md, "Semantics that reports rely on"): the day of
/// each year widened by the window, labelled `2019 11-09` and belonging to that year, required
/// once the day has come; the month of each year, labelled `2019-06`.
@Suite("Periods: fixed days and fixed months")
struct FixedPeriodTests {
    let calendar = Notices.calendar

    func day(_ text: String) -> FixedDay {
        FixedDay(text) ?? .date(month: 1, day: 1)
    }

    func fixedDay(_ text: String, window: Int = 7, _ selection: PeriodSelection) -> [Period] {
        Period.periods(.fixedDay(day(text), windowDays: window), selection: selection, calendar: calendar)
    }

    func fixedMonth(_ month: Int, _ selection: PeriodSelection) -> [Period] {
        Period.periods(.fixedMonth(month), selection: selection, calendar: calendar)
    }

    // MARK: - Labels and windows

    @Test func the119DayOf2019CoversTheWeekBeforeIt() {
        #expect(fixedDay("11-09", .year(2019)).map(\.summary) == ["2019 11-09 2019-11-02..2019-11-09"])
    }

    @Test(arguments: [(0, "2019-11-09"), (1, "2019-11-08"), (14, "2019-10-26"), (30, "2019-10-10")])
    func windowSetsTheStart(window: Int, start: String) {
        let periods = fixedDay("11-09", window: window, .year(2019))
        #expect(periods.map(\.start) == [date(start)])
        #expect(periods.map(\.end) == [date("2019-11-09")])
        #expect(periods.map(\.label) == ["2019 11-09"])
    }

    @Test(
        "a weekday rule is labelled with that year's day",
        arguments: [(2019, "2019 03-25 2019-03-18..2019-03-25"), (2020, "2020 03-30 2020-03-23..2020-03-30")])
    func weekdayRuleLabels(year: Int, expected: String) {
        #expect(fixedDay("03-last-mon", .year(year)).map(\.summary) == [expected])
    }

    @Test func fixedMonthIsTheCalendarMonth() {
        #expect(fixedMonth(6, .year(2019)).map(\.summary) == ["2019-06 2019-06-01..2019-06-30"])
        #expect(fixedMonth(2, .year(2020)).map(\.summary) == ["2020-02 2020-02-01..2020-02-29"])
        #expect(fixedMonth(11, .year(2019)).map(\.summary) == ["2019-11 2019-11-01..2019-11-30"])
    }

    // MARK: - Year boundaries

    @Test func aDayEarlyInJanuaryBelongsToItsYearThoughItsWindowStartsInDecember() {
        #expect(fixedDay("01-03", .year(2019)).map(\.summary) == ["2019 01-03 2018-12-27..2019-01-03"])
        #expect(fixedDay("01-01", window: 14, .year(2020)).map(\.summary) == ["2020 01-01 2019-12-18..2020-01-01"])
    }

    @Test func theLastDayOfTheYearBelongsToThatYear() {
        #expect(fixedDay("12-31", .year(2019)).map(\.summary) == ["2019 12-31 2019-12-24..2019-12-31"])
        #expect(fixedDay("12-last-tue", .year(2019)).map(\.summary) == ["2019 12-31 2019-12-24..2019-12-31"])
    }

    @Test func eachYearHasItsOwnPeriodAndNoOther() {
        for year in 2017...2021 {
            #expect(fixedDay("05-12", .year(year)).map(\.label) == ["\(year) 05-12"])
            #expect(fixedMonth(6, .year(year)).map(\.label) == ["\(year)-06"])
        }
    }

    // MARK: - Ranges

    @Test(
        "a range selects the fixed days lying inside it",
        arguments: [
            ("2019-01-01", "2019-12-31", ["2019 11-09"]),
            ("2019-11-09", "2019-11-09", ["2019 11-09"]),
            ("2019-11-10", "2020-11-08", []),
            ("2019-11-03", "2019-11-08", []),
            ("2018-06-01", "2020-12-31", ["2018 11-09", "2019 11-09", "2020 11-09"]),
            ("2018-11-09", "2019-11-09", ["2018 11-09", "2019 11-09"]),
        ])
    func rangeSelection(from: String, to: String, expected: [String]) {
        #expect(fixedDay("11-09", .range(date(from), date(to))).map(\.label) == expected)
    }

    @Test func aSelectedDaysWindowMayStartBeforeTheRange() {
        #expect(
            fixedDay("01-03", .range(date("2019-01-01"), date("2019-01-31"))).map(\.summary) == [
                "2019 01-03 2018-12-27..2019-01-03"
            ])
        #expect(
            fixedDay("11-09", .range(date("2019-11-05"), date("2019-11-30"))).map(\.summary) == [
                "2019 11-09 2019-11-02..2019-11-09"
            ])
    }

    @Test(
        "a range selects the fixed months lying wholly inside it",
        arguments: [
            ("2019-01-01", "2019-12-31", ["2019-06"]),
            ("2019-06-01", "2019-06-30", ["2019-06"]),
            ("2019-06-02", "2019-12-31", []),
            ("2019-01-01", "2019-06-29", []),
            ("2018-05-15", "2020-06-30", ["2018-06", "2019-06", "2020-06"]),
        ])
    func monthRangeSelection(from: String, to: String, expected: [String]) {
        #expect(fixedMonth(6, .range(date(from), date(to))).map(\.label) == expected)
    }

    // MARK: - Required periods

    @Test(
        "a fixed day is required once the day is on or before the as-of date",
        arguments: [
            ("2019-11-01", 0), ("2019-11-02", 0), ("2019-11-08", 0), ("2019-11-09", 1), ("2019-12-31", 1),
            ("2020-06-01", 1),
        ])
    func requiredFixedDay(asOf: String, count: Int) {
        #expect(Period.required(fixedDay("11-09", .year(2019)), asOf: date(asOf)).count == count)
    }

    @Test func aJanuaryDayIsNotRequiredByTheDecemberItsWindowStartsIn() {
        let periods = fixedDay("01-03", .year(2019))
        #expect(Period.required(periods, asOf: date("2018-12-31")).isEmpty)
        #expect(Period.required(periods, asOf: date("2019-01-02")).isEmpty)
        #expect(Period.required(periods, asOf: date("2019-01-03")).count == 1)
    }

    @Test(
        "a fixed month is required once it has ended",
        arguments: [("2019-06-15", 0), ("2019-06-29", 0), ("2019-06-30", 1), ("2019-07-01", 1)])
    func requiredFixedMonth(asOf: String, count: Int) {
        #expect(Period.required(fixedMonth(6, .year(2019)), asOf: date(asOf)).count == count)
    }

    // MARK: - The schedule a campaign is defined with

    @Test func scheduleNeedsItsDayOrMonth() throws {
        let day = try #require(FixedDay("11-09"))
        #expect(try Schedule(cadence: .fixedDay, windowDays: 7, day: day, month: nil) == .fixedDay(day, windowDays: 7))
        #expect(try Schedule(cadence: .fixedMonth, windowDays: 7, day: nil, month: 6) == .fixedMonth(6))
        #expect(throws: EventDecodingError.self) {
            try Schedule(cadence: .fixedDay, windowDays: 7, day: nil, month: nil)
        }
        #expect(throws: EventDecodingError.self) {
            try Schedule(cadence: .fixedMonth, windowDays: 7, day: nil, month: 13)
        }
        #expect(throws: EventDecodingError.self) {
            try Schedule(storedCadence: "fixed-day", windowDays: 7, day: "02-29", month: nil)
        }
        #expect(throws: EventDecodingError.self) {
            try Schedule(storedCadence: "yearly", windowDays: 7, day: nil, month: nil)
        }
    }

    @Test(
        "a schedule gives the flags that define it",
        arguments: [
            (Schedule.weekly, "--cadence weekly"), (.holiday(windowDays: 3), "--cadence holiday --window 3d"),
            (
                .fixedDay(.weekday(month: 3, nth: -1, weekday: 1), windowDays: 7),
                "--cadence fixed-day --on 03-last-mon --window 7d"
            ),
            (.fixedMonth(6), "--cadence fixed-month --month 6"),
        ])
    func flags(schedule: Schedule, expected: String) {
        #expect(schedule.flags == expected)
    }
}
