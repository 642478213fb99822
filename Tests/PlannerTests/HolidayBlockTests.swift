import Testing

@testable import Planner

/// Holiday blocks as people take them, and the holiday periods campaigns are owed in.
@Suite("Holiday blocks and holiday periods")
struct HolidayBlockTests {
    let calendar = Notices.calendar

    func block(_ year: Int, _ name: String) -> HolidayBlock? {
        calendar.blocks(year: year).first { $0.name == name }
    }

    // MARK: - Blocks from the notices

    @Test func blocksOf2017() {
        #expect(
            calendar.blocks(year: 2017).map(\.summary) == [
                "2017 元旦 2016-12-31..2017-01-02",
                "2017 春节 2017-01-27..2017-02-02",
                "2017 清明节 2017-04-02..2017-04-04",
                "2017 劳动节 2017-04-29..2017-05-01",
                "2017 端午节 2017-05-28..2017-05-30",
                "2017 中秋节、国庆节 2017-10-01..2017-10-08",
            ])
    }

    @Test func newYear2017IsWidenedBackOverSaturday31December() throws {
        let newYear = try #require(block(2017, "元旦"))
        #expect(newYear.first == date("2016-12-31"))
        #expect(newYear.year == 2017)
    }

    @Test func qingming2017IsNotWidenedOverTheMakeUpSaturday() throws {
        // 1 April 2017 is a Saturday, but a make-up working day, so not an ordinary weekend day.
        #expect(calendar.isMakeUpDay(date("2017-04-01")))
        let qingming = try #require(block(2017, "清明节"))
        #expect(qingming.first == date("2017-04-02"))
        #expect(qingming.last == date("2017-04-04"))
    }

    @Test func mayDay2017IsTakenFrom29April() throws {
        let mayDay = try #require(block(2017, "劳动节"))
        #expect(mayDay.summary == "2017 劳动节 2017-04-29..2017-05-01")
    }

    @Test func listingTheWeekendDaysGivesTheSameBlocks() {
        // Data sets differ on whether they list the weekend days; widening makes that moot.
        var listed = Notices.y2017
        listed.days += Notices.off("劳动节", "2017-04-29", "2017-04-30") + Notices.off("元旦", "2016-12-31")
        listed.days.sort { $0.date < $1.date }
        let widened = HolidayCalendar(imported: [listed], years: 2016...2018).blocks(year: 2017)
        #expect(widened == calendar.blocks(year: 2017))
    }

    @Test func blocksOf2018() {
        #expect(
            calendar.blocks(year: 2018).map(\.summary) == [
                "2018 元旦 2017-12-30..2018-01-01",
                "2018 春节 2018-02-15..2018-02-21",
                "2018 清明节 2018-04-05..2018-04-07",
                "2018 劳动节 2018-04-29..2018-05-01",
                "2018 端午节 2018-06-16..2018-06-18",
                "2018 中秋节 2018-09-22..2018-09-24",
                "2018 国庆节 2018-10-01..2018-10-07",
            ])
    }

    @Test func newYear2018StartsIn2017ButBelongsTo2018() throws {
        let newYear = try #require(block(2018, "元旦"))
        #expect(newYear.first == date("2017-12-30"))
        #expect(newYear.label == "2018 元旦")
        #expect(!calendar.blocks(year: 2017).contains { $0.last >= date("2017-12-30") })
    }

    @Test func midAutumn2018IsSeparateFromNationalDay() {
        let names = calendar.blocks(year: 2018).map(\.name)
        #expect(names.contains("中秋节"))
        #expect(names.contains("国庆节"))
        #expect(!names.contains { $0.contains("、") })
    }

    // MARK: - Merging

    @Test func touchingRunsWithDifferentNamesMerge() {
        // 2023: 中秋 on Friday 29 September runs straight into 国庆 from the 30th.
        let notice = Notices.notice(
            2023, Notices.off("中秋节", "2023-09-29"),
            Notices.off("国庆节", "2023-09-30", "2023-10-01", "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05"),
            Notices.off("国庆节", "2023-10-06"), Notices.work("国庆节", "2023-10-07", "2023-10-08"))
        let blocks = HolidayBlock.blocks(of: notice, makeUpDays: [date("2023-10-07"), date("2023-10-08")])
        #expect(blocks.map(\.summary) == ["2023 中秋节、国庆节 2023-09-29..2023-10-06"])
    }

    @Test func runsMeetingAcrossAWeekendMerge() {
        // Friday and the next Monday, each widened into the weekend between them.
        let notice = Notices.notice(2017, Notices.off("甲", "2017-03-10"), Notices.off("乙", "2017-03-13"))
        let blocks = HolidayBlock.blocks(of: notice, makeUpDays: [])
        #expect(blocks.map(\.summary) == ["2017 甲、乙 2017-03-10..2017-03-13"])
    }

    @Test func aMakeUpDayKeepsRunsApart() {
        let notice = Notices.notice(2017, Notices.off("甲", "2017-03-10"), Notices.off("乙", "2017-03-13"))
        let blocks = HolidayBlock.blocks(of: notice, makeUpDays: [date("2017-03-11")])
        #expect(blocks.map(\.summary) == ["2017 甲 2017-03-10..2017-03-10", "2017 乙 2017-03-12..2017-03-13"])
    }

    @Test func shippedNationalDay2017MergesTheFestivalIntoOneBlock() {
        // The shipped data marks 4 October 2017 as 中秋节 and the days around it as 国庆节.
        let shipped = HolidayCalendar(years: 2016...2018)
        let autumn = shipped.blocks(year: 2017).filter { $0.first.month == 10 }
        #expect(autumn.map(\.summary) == ["2017 国庆节、中秋节 2017-10-01..2017-10-08"])
    }

    // MARK: - Holiday periods

    @Test func holidayPeriodsOf2017StartAWeekBeforeTheirBlock() {
        let periods = Period.periods(.holiday(windowDays: 7), selection: .year(2017), calendar: calendar)
        #expect(
            periods.map(\.summary) == [
                "2017 元旦 2016-12-24..2017-01-02",
                "2017 春节 2017-01-20..2017-02-02",
                "2017 清明节 2017-03-26..2017-04-04",
                "2017 劳动节 2017-04-22..2017-05-01",
                "2017 端午节 2017-05-21..2017-05-30",
                "2017 中秋节、国庆节 2017-09-24..2017-10-08",
            ])
    }

    @Test(arguments: [(0, "2017-04-29"), (3, "2017-04-26"), (14, "2017-04-15")])
    func windowSetsTheStart(window: Int, start: String) {
        let periods = Period.periods(.holiday(windowDays: window), selection: .year(2017), calendar: calendar)
        let mayDay = periods.first { $0.label == "2017 劳动节" }
        #expect(mayDay?.start == date(start))
        #expect(mayDay?.end == date("2017-05-01"))
    }

    @Test func year2018HasItsNewYearAndNot2017s() {
        let periods = Period.periods(.holiday(windowDays: 7), selection: .year(2018), calendar: calendar)
        #expect(periods.first?.summary == "2018 元旦 2017-12-23..2018-01-01")
        #expect(periods.count == 7)
        #expect(!periods.contains { $0.label.hasPrefix("2017") })
    }

    @Test(
        "a range selects holidays whose block starts inside it",
        arguments: [
            // 2018 元旦 starts on 30 Dec 2017, outside; 2019 元旦 starts on 30 Dec 2018, inside.
            (
                "2018-01-01", "2018-12-31",
                ["2018 春节", "2018 清明节", "2018 劳动节", "2018 端午节", "2018 中秋节", "2018 国庆节", "2019 元旦"]
            ),
            ("2017-12-01", "2018-01-31", ["2018 元旦"]),
            ("2017-04-25", "2017-05-31", ["2017 劳动节", "2017 端午节"]),
            ("2017-04-30", "2017-05-31", ["2017 端午节"]),
            ("2017-10-09", "2017-12-29", []),
        ])
    func rangeSelection(from: String, to: String, expected: [String]) {
        let periods = Period.periods(
            .holiday(windowDays: 7), selection: .range(date(from), date(to)), calendar: calendar)
        #expect(periods.map(\.label) == expected)
    }

    @Test func aSelectedHolidaysWindowMayStartBeforeTheRange() throws {
        let periods = Period.periods(
            .holiday(windowDays: 7), selection: .range(date("2017-04-25"), date("2017-05-31")), calendar: calendar)
        let mayDay = try #require(periods.first)
        #expect(mayDay.summary == "2017 劳动节 2017-04-22..2017-05-01")
    }
}
