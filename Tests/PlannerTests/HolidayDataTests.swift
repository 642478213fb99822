import Testing

@testable import Planner

/// Checks the shipped holiday notices (generated from chinese-calendar, checked against the
/// holidays package) against the dates that `ComputedHolidays` derives from the lunar calendar
/// and the solar terms, and each against known dates.
@Suite("Holiday data")
struct HolidayDataTests {
    static let shippedYears = Array(ShippedHolidays.firstYear...ShippedHolidays.lastYear)

    /// 清明, 端午 and 中秋 became statutory holidays in 2008 (国务院令第513号), so earlier notices
    /// have no days for them.
    static let lunarHolidaysStatutorySince = 2008

    /// The shipped holiday whose break should contain `name`'s days in `year`, or nil when the
    /// year's notice has no such holiday.
    ///
    /// Every exception is listed here, with its reason.
    static func shippedHoliday(for name: String, in year: Int) -> String? {
        if year < lunarHolidaysStatutorySince, ["清明节", "端午节", "中秋节"].contains(name) {
            return nil
        }
        if year == 2020, name == "中秋节" {
            // 中秋 fell on 1 October; the notice gave one merged break (国庆节、中秋节, 1–8 Oct) and
            // chinese-calendar files all of it under 国庆节, with no day marked 中秋.
            return "国庆节"
        }
        return name
    }

    /// Whether `date` is an off day of a holiday whose name contains `name`, or a weekend day next
    /// to such off days (notices often let a holiday "与周末连休" without listing the weekend).
    static func isInBreak(_ date: LocalDate, of name: String, in notice: HolidayNotice) -> Bool {
        let offDays = Set(notice.days.filter { $0.isOffDay && $0.name.contains(name) }.map(\.date))
        let workdays = Set(notice.days.filter { !$0.isOffDay }.map(\.date))
        if offDays.contains(date) { return true }
        guard date.isWeekend, !workdays.contains(date) else { return false }
        // Walk across the (at most two-day) weekend in both directions and look at what is beyond.
        for step in [-1, 1] {
            var current = date
            while current.isWeekend, !workdays.contains(current), !offDays.contains(current) {
                current = current.adding(days: step)
            }
            if offDays.contains(current) { return true }
        }
        return false
    }

    // MARK: - Shipped data

    @Test func shippedRangeAndSource() {
        #expect(ShippedHolidays.firstYear == 2004)
        #expect(ShippedHolidays.lastYear >= 2026)
        #expect(ShippedHolidays.dataSource == "chinese-calendar 1.11.0, checked against holidays 0.109")
        #expect(ShippedHolidays.notice(for: ShippedHolidays.firstYear - 1) == nil)
        #expect(ShippedHolidays.notice(for: ShippedHolidays.lastYear + 1) == nil)
    }

    @Test(arguments: shippedYears)
    func shippedNoticeIsWellFormed(year: Int) throws {
        let notice = try #require(ShippedHolidays.notice(for: year))
        #expect(notice.year == year)
        #expect(notice.origin == .shipped)
        #expect(notice.papers.first == "国务院办公厅关于\(year)年部分节假日安排的通知")
        #expect(!notice.days.isEmpty)
        // Sorted, one entry per date.
        for (earlier, later) in zip(notice.days, notice.days.dropFirst()) {
            #expect(earlier.date < later.date, "\(earlier.date) before \(later.date)")
        }
        for day in notice.days where day.date.year != year {
            // Only 元旦 reaches back into the previous December (e.g. 2018-12-30 for 2019).
            #expect(day.date.year == year - 1 && day.date.month == 12 && day.name == "元旦", "\(day)")
        }
        for day in notice.days where !day.isOffDay {
            // A make-up working day replaces a weekend day.
            #expect(day.date.isWeekend, "\(day.date) \(day.name)")
        }
        for name in ["元旦", "春节", "劳动节", "国庆节"] {
            #expect(notice.days.contains { $0.isOffDay && $0.name.contains(name) }, "\(name)")
        }
    }

    @Test func shipped2017IsExact() throws {
        let notice = try #require(ShippedHolidays.notice(for: 2017))
        let actual = notice.days.map { "\($0.date) \($0.name) \($0.isOffDay ? "off" : "work")" }
        let expected = [
            "2017-01-01 元旦 off", "2017-01-02 元旦 off",
            "2017-01-22 春节 work",
            "2017-01-27 春节 off", "2017-01-28 春节 off", "2017-01-29 春节 off", "2017-01-30 春节 off",
            "2017-01-31 春节 off", "2017-02-01 春节 off", "2017-02-02 春节 off",
            "2017-02-04 春节 work",
            "2017-04-01 清明节 work",
            "2017-04-02 清明节 off", "2017-04-03 清明节 off", "2017-04-04 清明节 off",
            // The notice gives 劳动节 as 29 Apr–1 May, "5月1日放假，与周末连休"; the package lists only
            // the statutory day and leaves the weekend (checked below) unlisted.
            "2017-05-01 劳动节 off",
            "2017-05-27 端午节 work",
            "2017-05-28 端午节 off", "2017-05-29 端午节 off", "2017-05-30 端午节 off",
            // 中秋 and 国庆 form one break (the notice's "中秋节、国庆节", 1–8 Oct); the package marks
            // 4 Oct, the festival itself, as 中秋 and the rest as 国庆.
            "2017-09-30 国庆节 work",
            "2017-10-01 国庆节 off", "2017-10-02 国庆节 off", "2017-10-03 国庆节 off",
            "2017-10-04 中秋节 off",
            "2017-10-05 国庆节 off", "2017-10-06 国庆节 off", "2017-10-07 国庆节 off", "2017-10-08 国庆节 off",
        ]
        #expect(actual == expected)
        #expect(notice.papers == ["国务院办公厅关于2017年部分节假日安排的通知"])

        let april29 = try #require(LocalDate("2017-04-29"))
        let april30 = try #require(LocalDate("2017-04-30"))
        #expect(april29.isWeekend && april30.isWeekend)
        #expect(Self.isInBreak(april29, of: "劳动节", in: notice))
        #expect(Self.isInBreak(april30, of: "劳动节", in: notice))
        // The whole 1–8 October break counts for both holidays.
        let october4 = try #require(LocalDate("2017-10-04"))
        #expect(Self.isInBreak(october4, of: "中秋节", in: notice))
    }

    /// The State Council's notice for 2006 (国办发明电〔2005〕35号): 元旦 is 1–3 January, and
    /// Saturday 31 December 2005 is worked. chinese-calendar lacks the working day, which made
    /// 元旦 2006 a four-day block from 31 December; the second source and the notice have it.
    @Test func shipped2006NewYearFollowsTheNotice() throws {
        let notice = try #require(ShippedHolidays.notice(for: 2006))
        let newYear = notice.days.filter { $0.name == "元旦" }
            .map { "\($0.date) \($0.isOffDay ? "off" : "work")" }
        #expect(newYear == ["2005-12-31 work", "2006-01-01 off", "2006-01-02 off", "2006-01-03 off"])

        let calendar = HolidayCalendar(years: 2005...2006)
        let block = try #require(calendar.blocks(year: 2006).first { $0.name == "元旦" })
        #expect(block.first == LocalDate("2006-01-01") && block.last == LocalDate("2006-01-03"))
        let december31 = try #require(LocalDate("2005-12-31"))
        #expect(calendar.isMakeUpDay(december31) && calendar.isWorkingDay(december31))
        // The first working day after Friday 30 December 2005 is that Saturday, not 4 January.
        #expect(calendar.workingDay(1, after: december31.adding(days: -1)) == december31)
        // 2005's own notice keeps nothing of it.
        #expect(ShippedHolidays.notice(for: 2005)?.days.contains { $0.date == december31 } == false)
    }

    @Test(arguments: [2015, 2019, 2020])
    func extraPapersForChangedArrangements(year: Int) throws {
        // 2015: the 70th-anniversary holiday; 2019: 劳动节 lengthened; 2020: 春节 extended.
        let notice = try #require(ShippedHolidays.notice(for: year))
        #expect(notice.papers.count == 2)
    }

    // MARK: - Computed against shipped

    @Test(arguments: shippedYears)
    func keyDatesFallInShippedBreaks(year: Int) throws {
        let notice = try #require(ShippedHolidays.notice(for: year))
        let keys = ComputedHolidays.keyDates(for: year)
        #expect(keys.map(\.name) == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
        for key in keys {
            if let holiday = Self.shippedHoliday(for: key.name, in: year) {
                #expect(Self.isInBreak(key.date, of: holiday, in: notice), "\(year) \(key.name) \(key.date)")
            } else {
                #expect(!notice.days.contains { $0.name.contains(key.name) }, "\(year) \(key.name)")
            }
        }
    }

    @Test(arguments: shippedYears)
    func computedOffDaysFallInShippedBreaks(year: Int) throws {
        let shipped = try #require(ShippedHolidays.notice(for: year))
        for day in ComputedHolidays.notice(for: year).days {
            // A computed day can carry two names ("中秋节、国庆节"); each must hold.
            for name in day.name.split(separator: "、").map(String.init) {
                guard let holiday = Self.shippedHoliday(for: name, in: year) else { continue }
                #expect(Self.isInBreak(day.date, of: holiday, in: shipped), "\(year) \(name) \(day.date)")
            }
        }
    }

    // MARK: - Computed dates

    static let qingmingDates: [(Int, String)] = [
        (2008, "2008-04-04"), (2009, "2009-04-04"), (2010, "2010-04-05"), (2011, "2011-04-05"),
        (2012, "2012-04-04"), (2013, "2013-04-04"), (2014, "2014-04-05"), (2015, "2015-04-05"),
        (2016, "2016-04-04"), (2017, "2017-04-04"), (2018, "2018-04-05"), (2019, "2019-04-05"),
        (2020, "2020-04-04"), (2021, "2021-04-04"), (2022, "2022-04-05"), (2023, "2023-04-05"),
        (2024, "2024-04-04"), (2025, "2025-04-04"), (2026, "2026-04-05"),
        // Beyond the shipped data; 2030 falls at 01:40 Beijing time, i.e. still 4 April in UTC.
        (2027, "2027-04-05"), (2030, "2030-04-05"),
    ]

    @Test(arguments: zip(qingmingDates.map(\.0), qingmingDates.map(\.1)))
    func qingming(year: Int, expected: String) {
        #expect(ComputedHolidays.qingming(in: year).description == expected)
    }

    @Test func lunarDates2017() {
        let keys = Dictionary(
            ComputedHolidays.keyDates(for: 2017).map { ($0.name, $0.date.description) },
            uniquingKeysWith: { first, _ in first })
        #expect(keys["春节"] == "2017-01-28")
        #expect(keys["清明节"] == "2017-04-04")
        #expect(keys["端午节"] == "2017-05-30")
        // 2017 had a leap sixth month; 八月十五 is counted in the regular eighth month after it.
        #expect(keys["中秋节"] == "2017-10-04")
    }

    @Test func computedNoticeShape() throws {
        let notice = ComputedHolidays.notice(for: 2027)
        #expect(notice.origin == .computed)
        #expect(notice.papers == ["computed: not an official notice"])
        #expect(notice.days.allSatisfy { $0.isOffDay })
        let listed = notice.days.map { "\($0.date) \($0.name)" }
        #expect(
            listed == [
                "2027-01-01 元旦",
                // From 2025 on, 春节 runs from 除夕 to 初三 (正月初一 2027 is 6 February).
                "2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节",
                "2027-04-05 清明节",
                "2027-05-01 劳动节", "2027-05-02 劳动节",
                "2027-06-09 端午节",
                "2027-09-15 中秋节",
                "2027-10-01 国庆节", "2027-10-02 国庆节", "2027-10-03 国庆节",
            ])
    }

    @Test func computedRulesBeforeTheAmendment() {
        let days = ComputedHolidays.notice(for: 2024).days
        #expect(days.filter { $0.name == "春节" }.map(\.date.description) == ["2024-02-10", "2024-02-11", "2024-02-12"])
        #expect(days.filter { $0.name == "劳动节" }.map(\.date.description) == ["2024-05-01"])
    }

    @Test(arguments: ["1900-01-01", "1988-04-10", "1991-09-15", "2017-10-04", "2026-12-31", "2100-02-28"])
    func foundationDateRoundTrip(text: String) throws {
        // Covers the tz database's local mean time (before 1901) and China's daylight-saving years.
        let date = try #require(LocalDate(text))
        let instant = try #require(ComputedHolidays.foundationDate(date))
        #expect(ComputedHolidays.localDate(instant) == date)
    }

    @Test func computedMergesACoincidingHoliday() {
        // 中秋 2020 fell on 国庆 (1 October): one entry, both names.
        let days = ComputedHolidays.notice(for: 2020).days
        let october1 = days.filter { $0.date.description == "2020-10-01" }
        #expect(october1.map(\.name) == ["中秋节、国庆节"])
        #expect(Set(days.map(\.date)).count == days.count)
    }
}
