import Foundation
import Testing

@testable import Planner

@Suite("Fixed days: MM-DD and weekday rules")
struct FixedDayTests {
    @Test(
        "a day is read as typed and written in its canonical form",
        arguments: [
            ("11-09", "11-09"), ("5-12", "05-12"), ("06-1", "06-01"), ("12-31", "12-31"), ("02-28", "02-28"),
            ("03-last-mon", "03-last-mon"), ("05-2nd-sun", "05-2nd-sun"), ("1-1st-fri", "01-1st-fri"),
        ])
    func canonical(text: String, expected: String) throws {
        let day = try #require(FixedDay(text))
        #expect(day.description == expected)
        #expect(FixedDay(expected) == day)
    }

    @Test(
        "what is not a day of every year is refused",
        arguments: [
            "02-29", "02-30", "04-31", "13-01", "00-10", "11-00", "11-9-", "1109", "11/09", "2019-11-09", "",
            "03-5th-mon", "03-last-monday", "03-last", "03-Last-Mon", "111-09", "11-009", "+1-09", "１１-０９",
        ])
    func refused(text: String) {
        #expect(FixedDay(text) == nil)
    }

    @Test(
        "a date is that date of every year, leap years included",
        arguments: [(2019, "2019-11-09"), (2020, "2020-11-09"), (2000, "2000-11-09"), (2100, "2100-11-09")])
    func date(year: Int, expected: String) throws {
        let day = try #require(FixedDay("11-09"))
        #expect(day.date(in: year).description == expected)
    }

    /// 全国中小学生安全教育日: the last Monday of March (1996 on).
    @Test(
        "03-last-mon is the last Monday of March",
        arguments: [
            (2016, "2016-03-28"), (2017, "2017-03-27"), (2018, "2018-03-26"), (2019, "2019-03-25"),
            (2020, "2020-03-30"), (2021, "2021-03-29"), (2022, "2022-03-28"), (2023, "2023-03-27"),
            (2024, "2024-03-25"), (2025, "2025-03-31"), (2026, "2026-03-30"),
        ])
    func lastMondayOfMarch(year: Int, expected: String) throws {
        let day = try #require(FixedDay("03-last-mon"))
        let date = day.date(in: year)
        #expect(date.description == expected)
        #expect(date.isoWeekday == 1)
        #expect(date.adding(days: 7).month == 4)
    }

    @Test(
        "the nth weekday counts from the first of the month",
        arguments: [
            // May 2019 begins on a Wednesday; February 2021 on a Monday; a fourth is always there.
            ("05-1st-wed", 2019, "2019-05-01"), ("05-1st-tue", 2019, "2019-05-07"), ("05-2nd-sun", 2019, "2019-05-12"),
            ("02-1st-mon", 2021, "2021-02-01"), ("02-4th-sun", 2021, "2021-02-28"), ("02-last-mon", 2021, "2021-02-22"),
            ("02-last-sat", 2020, "2020-02-29"), ("12-last-sun", 2019, "2019-12-29"),
            ("12-last-tue", 2019, "2019-12-31"),
        ])
    func nthWeekday(text: String, year: Int, expected: String) throws {
        let day = try #require(FixedDay(text))
        #expect(day.date(in: year).description == expected)
    }

    @Test func codedAsItsText() throws {
        let day = try #require(FixedDay("03-last-mon"))
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == #"["03-last-mon"]"#)
        #expect(try JSONDecoder().decode([FixedDay].self, from: data) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([FixedDay].self, from: Data(#"["02-29"]"#.utf8))
        }
    }
}
