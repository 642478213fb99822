import Foundation
import Testing

@testable import Planner

@Suite("LocalDate")
struct LocalDateTests {
    // MARK: - Parsing

    @Test(
        "parses a real day",
        arguments: [
            ("1970-01-01", 1970, 1, 1, 0),
            ("2017-01-01", 2017, 1, 1, 17_167),
            ("2016-02-29", 2016, 2, 29, 16_860),
            ("2000-02-29", 2000, 2, 29, 11_016),
            ("2017-12-31", 2017, 12, 31, 17_531),
            ("1969-12-31", 1969, 12, 31, -1),
        ])
    func parsesRealDay(text: String, year: Int, month: Int, day: Int, dayNumber: Int) throws {
        let parsed = try #require(LocalDate(text))
        #expect(parsed.year == year)
        #expect(parsed.month == month)
        #expect(parsed.day == day)
        #expect(parsed.dayNumber == dayNumber)
        #expect(parsed.description == text)
        #expect(LocalDate(year: year, month: month, day: day) == parsed)
    }

    @Test(
        "refuses impossible days and other formats",
        arguments: [
            "2017-02-29", "1900-02-29", "2017-04-31", "2017-13-01", "2017-00-10", "2017-01-00", "2017-01-32",
            "2017-1-01", "17-01-01", "2017/01/01", "20170101", "2017-01-01 ", " 2017-01-01", "2017-01-0a",
            "+017-01-01", "2017-01-01T00:00", "", "２０１７-01-01",
        ])
    func refusesBadText(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func partsOutOfRangeAreRefused() {
        #expect(LocalDate(year: 2017, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2017, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2017, month: 1, day: 0) == nil)
        #expect(LocalDate(year: 2016, month: 2, day: 29) != nil)
    }

    // MARK: - Weekdays

    @Test(
        "ISO weekday, Monday = 1 … Sunday = 7",
        arguments: [
            ("2017-01-01", 7), ("2017-01-02", 1), ("1970-01-01", 4), ("1969-12-31", 3), ("2017-04-29", 6),
            ("2018-12-31", 1), ("2000-02-29", 2), ("2017-10-08", 7),
        ])
    func isoWeekday(text: String, weekday: Int) {
        let day = date(text)
        #expect(day.isoWeekday == weekday)
        #expect(day.isWeekend == (weekday >= 6))
    }

    // MARK: - Arithmetic

    @Test(
        "adding months clamps to the end of a shorter month",
        arguments: [
            ("2017-01-31", 1, "2017-02-28"),
            ("2016-01-31", 1, "2016-02-29"),
            ("2017-01-31", 12, "2018-01-31"),
            ("2016-02-29", 12, "2017-02-28"),
            ("2017-08-31", 1, "2017-09-30"),
            ("2017-12-15", 1, "2018-01-15"),
            ("2017-01-15", -1, "2016-12-15"),
            ("2017-03-31", -1, "2017-02-28"),
            ("2016-11-30", 14, "2018-01-30"),
            ("2017-01-31", 25, "2019-02-28"),
            ("2017-05-10", 0, "2017-05-10"),
        ])
    func addingMonths(start: String, months: Int, expected: String) {
        #expect(date(start).adding(months: months) == date(expected))
    }

    @Test func clampingIsNotCarriedIntoTheNextMonth() {
        // 31 Jan + 1 month + 1 month is 28 Mar, but 31 Jan + 2 months is 31 Mar.
        let january31 = date("2017-01-31")
        #expect(january31.adding(months: 1).adding(months: 1) == date("2017-03-28"))
        #expect(january31.adding(months: 2) == date("2017-03-31"))
    }

    @Test(
        "days between two dates",
        arguments: [
            ("2017-01-01", "2017-12-31", 364),
            ("2016-01-01", "2016-12-31", 365),
            ("2017-02-01", "2017-01-31", -1),
            ("1969-12-31", "1970-01-01", 1),
            ("2017-01-27", "2017-02-02", 6),
            ("2017-05-05", "2017-05-05", 0),
        ])
    func daysBetween(from: String, to: String, days: Int) {
        #expect(date(from).days(until: date(to)) == days)
        #expect(date(from).adding(days: days) == date(to))
    }

    @Test func ordering() {
        let dates = ["2017-10-01", "2016-12-31", "2017-01-02", "2017-01-01"].map { date($0) }
        #expect(dates.sorted().map(\.description) == ["2016-12-31", "2017-01-01", "2017-01-02", "2017-10-01"])
        #expect(date("2016-12-31") < date("2017-01-01"))
    }

    // MARK: - Coding

    @Test func encodesAsAnIsoDateString() throws {
        let data = try JSONEncoder().encode([date("2017-01-06")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2017-01-06"]"#)
        let decoded = try JSONDecoder().decode([LocalDate].self, from: data)
        #expect(decoded == [date("2017-01-06")])
    }

    @Test(arguments: [#"["2017-02-29"]"#, #"["2017-2-1"]"#, #"[17167]"#])
    func refusesToDecodeAnImpossibleDate(json: String) {
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode([LocalDate].self, from: Data(json.utf8))
        }
    }
}

@Suite("Interval")
struct IntervalTests {
    @Test(
        "parses counts of days, weeks, months, years and working days",
        arguments: [
            ("7d", 7, Interval.Unit.days), ("2w", 2, .weeks), ("6m", 6, .months), ("1y", 1, .years),
            ("5wd", 5, .workingDays), ("99999d", 99_999, .days),
        ])
    func parses(text: String, count: Int, unit: Interval.Unit) throws {
        let interval = try #require(Interval(text))
        #expect(interval == Interval(count, unit))
        #expect(interval.description == text)
    }

    @Test(
        "refuses zero, unknown units, missing counts and signs",
        arguments: [
            "0d", "00d", "5x", "d", "wd", "-1d", "+1d", "", "7", "7 d", " 7d", "5dw", "1.5m", "5W", "123456d", "３d",
        ])
    func refuses(text: String) {
        #expect(Interval(text) == nil)
    }

    @Test(
        "whole months only for month and year counts",
        arguments: [("6m", 6), ("1y", 12), ("2y", 24), ("7d", nil), ("2w", nil), ("5wd", nil)] as [(String, Int?)])
    func months(text: String, months: Int?) throws {
        #expect(try #require(Interval(text)).months == months)
    }

    @Test(
        "the date an interval after another",
        arguments: [
            ("7d", "2017-01-31", "2017-02-07"),
            ("2w", "2017-01-31", "2017-02-14"),
            ("1m", "2017-01-31", "2017-02-28"),
            ("1m", "2016-01-31", "2016-02-29"),
            ("1y", "2017-01-31", "2018-01-31"),
            ("1y", "2016-02-29", "2017-02-28"),
            // Working days: 30 Sep 2017 is a make-up Saturday, 1–8 Oct are off.
            ("5wd", "2017-09-29", "2017-10-12"),
            ("1wd", "2017-09-29", "2017-09-30"),
            ("5wd", "2017-03-10", "2017-03-17"),
            ("3wd", "2017-03-10", "2017-03-15"),
        ])
    func after(text: String, start: String, expected: String) throws {
        let interval = try #require(Interval(text))
        #expect(interval.after(date(start), calendar: Notices.calendar) == date(expected))
    }
}
