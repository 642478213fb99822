import Testing

@testable import Planner

/// Working days across holidays and make-up days, and amended notices.
@Suite("Holiday calendar: working days and amendments")
struct HolidayCalendarTests {
    let calendar = Notices.calendar

    // MARK: - Working days

    @Test(
        "which days are worked",
        arguments: [
            ("2017-01-22", true),  // Sunday, make-up day for 春节
            ("2017-02-04", true),  // Saturday, make-up day for 春节
            ("2017-01-27", false),  // Friday, 春节 off day
            ("2017-01-30", false),  // Monday, 春节 off day
            ("2017-01-21", false),  // ordinary Saturday
            ("2017-02-05", false),  // ordinary Sunday
            ("2017-02-03", true),  // the Friday between 春节 and its make-up Saturday
            ("2017-09-30", true),  // Saturday, make-up day for 国庆
            ("2017-10-02", false),
            ("2017-03-15", true),  // ordinary Wednesday
        ])
    func isWorkingDay(text: String, working: Bool) {
        #expect(calendar.isWorkingDay(date(text)) == working)
    }

    @Test(
        "the n-th working day after a date",
        arguments: [
            // Across 春节 2017: 22 Jan and 4 Feb are make-up days and count.
            (1, "2017-01-20", "2017-01-22"),
            (2, "2017-01-20", "2017-01-23"),
            (5, "2017-01-20", "2017-01-26"),
            (6, "2017-01-20", "2017-02-03"),
            (7, "2017-01-20", "2017-02-04"),
            (8, "2017-01-20", "2017-02-06"),
            (1, "2017-01-28", "2017-02-03"),
            // Across 国庆 2017: 30 Sep is a make-up day, 1–8 Oct are off.
            (1, "2017-09-29", "2017-09-30"),
            (2, "2017-09-29", "2017-10-09"),
            (5, "2017-09-29", "2017-10-12"),
            // Across 清明 2017: 1 Apr is a make-up Saturday.
            (1, "2017-03-31", "2017-04-01"),
            (2, "2017-03-31", "2017-04-05"),
            // Across 元旦 2018, whose block starts in 2017.
            (1, "2017-12-29", "2018-01-02"),
            // Plain weekends.
            (1, "2017-03-10", "2017-03-13"),
            (5, "2017-03-10", "2017-03-17"),
            (3, "2017-03-11", "2017-03-15"),
        ])
    func workingDay(count: Int, after: String, expected: String) {
        #expect(calendar.workingDay(count, after: date(after)) == date(expected))
    }

    @Test func fiveWorkingDaysAfterAFridayIsTheNextFriday() throws {
        let friday = date("2017-03-10")
        #expect(friday.isoWeekday == 5)
        let due = try #require(Interval("5wd")).after(friday, calendar: calendar)
        #expect(due == date("2017-03-17"))
        #expect(due.isoWeekday == 5)
    }

    // MARK: - Amended notices

    /// 2017 amended: 2 May added to 劳动节, and the 端午 make-up Saturday withdrawn.
    static let amended2017: HolidayNotice = {
        var notice = Notices.y2017
        notice.days.removeAll { $0.date == date("2017-05-27") }
        notice.days += Notices.off("劳动节", "2017-05-02")
        notice.days.sort { $0.date < $1.date }
        notice.papers.append("国务院办公厅关于调整2017年劳动节安排的通知")
        return notice
    }()

    @Test func replaceMovesBlocksAndWorkingDays() {
        var amended = calendar
        amended.replace(Self.amended2017)

        #expect(calendar.isWorkingDay(date("2017-05-02")))
        #expect(!amended.isWorkingDay(date("2017-05-02")))
        #expect(calendar.isWorkingDay(date("2017-05-27")))
        #expect(!amended.isWorkingDay(date("2017-05-27")))

        let blocks = amended.blocks(year: 2017).map(\.summary)
        #expect(blocks.contains("2017 劳动节 2017-04-29..2017-05-02"))
        // Without its make-up day, 27 May is an ordinary Saturday next to 端午.
        #expect(blocks.contains("2017 端午节 2017-05-27..2017-05-30"))
        #expect(amended.notice(for: 2017) == Self.amended2017)
    }

    @Test func replaceLeavesOtherYearsAlone() {
        var amended = calendar
        amended.replace(Self.amended2017)
        #expect(amended.notice(for: 2018) == Notices.y2018)
        #expect(amended.blocks(year: 2018) == calendar.blocks(year: 2018))
        #expect(amended.origin(of: 2016) == .shipped)
        #expect(amended.workingDay(5, after: date("2017-09-29")) == date("2017-10-12"))
    }

    @Test func replaceCanExtendTheYearsCovered() {
        var extended = calendar
        let notice2021 = Notices.notice(2021, Notices.off("劳动节", "2021-05-03"))
        extended.replace(notice2021)
        #expect(extended.notice(for: 2021) == notice2021)
        #expect(extended.notice(for: 2019) != nil)
        #expect(calendar.notice(for: 2021) == nil)
    }

    // MARK: - Importing a notice (HolidayYear decider)

    @Test func importingANoticeRecordsItWithItsBlocks() throws {
        var given = Notices.y2017
        given.origin = .shipped
        let events = try HolidayYear.importNotice(given, calendar: calendar, state: .initial)
        let event = try #require(events.first)
        guard case .holidayNoticeImported(let imported) = event, events.count == 1 else {
            Issue.record("expected one HolidayNoticeImported, got \(events)")
            return
        }
        #expect(imported.notice.origin == .imported)
        #expect(imported.notice.days == Notices.y2017.days)
        #expect(imported.blocks == calendar.blocks(year: 2017))
    }

    @Test func reimportingTheSameNoticeRecordsNothing() throws {
        let state = HolidayYear.fold(try HolidayYear.importNotice(Notices.y2017, calendar: calendar, state: .initial))
        #expect(try HolidayYear.importNotice(Notices.y2017, calendar: calendar, state: state).isEmpty)
    }

    @Test func reimportingTheSameDaysRecordsNothingWhateverOriginTheFileClaims() throws {
        // The import stamps the notice as imported; a file saying "origin": "shipped" with the
        // same days is still the same notice.
        var file = Notices.y2017
        file.origin = .shipped
        let state = HolidayYear.fold(try HolidayYear.importNotice(file, calendar: calendar, state: .initial))
        #expect(try HolidayYear.importNotice(file, calendar: calendar, state: state).isEmpty)
    }

    @Test func anAmendedNoticeReplacesTheEarlierOne() throws {
        let state = HolidayYear.fold(try HolidayYear.importNotice(Notices.y2017, calendar: calendar, state: .initial))
        let events = try HolidayYear.importNotice(Self.amended2017, calendar: calendar, state: state)
        guard case .holidayNoticeImported(let imported) = events.first else {
            Issue.record("expected a HolidayNoticeImported, got \(events)")
            return
        }
        #expect(imported.blocks.map(\.summary).contains("2017 劳动节 2017-04-29..2017-05-02"))
        let after = state.evolve(.holidayNoticeImported(imported))
        #expect(after.notice == Self.amended2017)
        #expect(after.notice != state.notice)
    }

    @Test func importRefusesImplausibleNotices() {
        expectRefusal(naming: "1800", "plausible") {
            try HolidayYear.importNotice(
                Notices.notice(1800, Notices.off("元旦", "1800-01-01")), calendar: calendar, state: .initial)
        }
        expectRefusal(naming: "2017", "no days") {
            try HolidayYear.importNotice(Notices.notice(2017), calendar: calendar, state: .initial)
        }
        expectRefusal(naming: "2019-05-01", "劳动节", "2017") {
            try HolidayYear.importNotice(
                Notices.notice(2017, Notices.off("劳动节", "2019-05-01")), calendar: calendar, state: .initial)
        }
    }
}
