import Testing

@testable import Planner

// Builders shared by the decider tests: dates from literals, past events with sensible
// defaults ("given"), the 2017 and 2018 holiday notices, and a refusal expectation.

/// A date from a `YYYY-MM-DD` literal; a malformed literal fails the test that uses it.
func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> LocalDate {
    guard let parsed = LocalDate(text) else {
        Issue.record("not a date literal: \(text)", sourceLocation: sourceLocation)
        return LocalDate(dayNumber: 0)
    }
    return parsed
}

/// Expects `body` to be refused with a `DomainError` whose English text names every fragment
/// (the offending code, date or name) and which has a Chinese text too.
@discardableResult
func expectRefusal(
    naming fragments: String..., sourceLocation: SourceLocation = #_sourceLocation,
    when body: () throws -> [Event]
) -> DomainError? {
    let error = #expect(throws: DomainError.self, sourceLocation: sourceLocation) { _ = try body() }
    guard let error else { return nil }
    for fragment in fragments {
        #expect(
            error.english.contains(fragment), "«\(error.english)» does not name \(fragment)",
            sourceLocation: sourceLocation)
    }
    #expect(!error.chinese.isEmpty, "no Chinese text for «\(error.english)»", sourceLocation: sourceLocation)
    return error
}

/// The past events of each aggregate, as the log would hold them.
enum Given {
    static let communityName = "东风社区"
    static let schoolName = "实验小学"

    static func community(_ name: String = communityName) -> [Event] {
        [.communityAdded(CommunityAdded(name: name))]
    }

    static func unit(
        _ name: String = schoolName, community: String = communityName, kind: UnitKind = .primarySchool,
        keyFireUnit: Bool = false, closedOn: String? = nil
    ) -> [Event] {
        var events: [Event] = [
            .unitAdded(UnitAdded(name: name, community: community, kind: kind, keyFireUnit: keyFireUnit))
        ]
        if let closedOn { events.append(.unitClosed(UnitClosed(on: date(closedOn)))) }
        return events
    }

    static func plan(
        _ code: String = "P-1", unit: String = schoolName, level: PlanLevel = .comprehensive, everyMonths: Int = 1,
        from: String = "2017-03-01", retiredOn: String? = nil
    ) -> [Event] {
        var events: [Event] = [
            .planAdded(
                PlanAdded(
                    code: code, name: "消防应急预案", unit: unit, level: level, hazard: "火灾", everyMonths: everyMonths,
                    rule: nil, from: date(from)))
        ]
        if let retiredOn { events.append(.planRetired(PlanRetired(on: date(retiredOn)))) }
        return events
    }

    static func drillScheduled(_ code: String = "D-1", plan: String = "P-1", on: String) -> [Event] {
        [.drillScheduled(DrillScheduled(code: code, plan: plan, on: date(on), form: .live, scope: nil, scenario: nil))]
    }

    static func drillConducted(_ code: String = "D-1", plan: String = "P-1", on: String) -> [Event] {
        [
            .drillConducted(
                DrillConducted(
                    code: code, plan: plan, on: date(on), participants: 800, evacuationSeconds: 210, note: nil))
        ]
    }

    static func campaign(
        _ name: String = "每周消防宣传", cadence: Cadence = .weekly, windowDays: Int = 7, communities: [String]? = nil
    ) -> [Event] {
        [
            .campaignDefined(
                CampaignDefined(name: name, cadence: cadence, windowDays: windowDays, communities: communities))
        ]
    }

    static func activity(_ code: String = "A-1", campaign: String = "每周消防宣传", on: String = "2017-03-06") -> [Event] {
        [
            .activityLogged(
                ActivityLogged(
                    code: code, campaign: campaign, community: communityName, on: date(on), activity: "发放传单",
                    leaflets: 200, attendees: nil))
        ]
    }

    static func inspection(_ code: String = "I-1", unit: String = schoolName, on: String) -> [Event] {
        [.inspectionRecorded(InspectionRecorded(code: code, unit: unit, on: date(on), inspector: "王", kind: .fire))]
    }

    static func finding(
        _ code: String = "F-1", severity: Severity = .general, foundOn: String, due: String
    ) -> [Event] {
        [
            .findingAdded(
                FindingAdded(
                    code: code, inspection: "I-1", drill: nil, inspectedOn: date(foundOn), unit: schoolName,
                    text: "疏散通道堵塞", severity: severity, due: date(due), deadline: due, responsible: nil))
        ]
    }

    static func rectified(on: String) -> [Event] {
        [.findingRectified(FindingRectified(on: date(on), note: nil))]
    }

    static func verified(on: String, _ result: VerificationResult) -> [Event] {
        [.findingVerified(FindingVerified(on: date(on), result: result, note: nil))]
    }
}

/// The State Council notices of 2017 and 2018, as the acceptance data set gives them
/// (holidays-2017.json and holidays-2018.json: weekend days next to a holiday are not listed).
enum Notices {
    static func off(_ name: String, _ dates: String...) -> [HolidayNotice.Day] {
        dates.map { HolidayNotice.Day(name: name, date: date($0), isOffDay: true) }
    }

    static func work(_ name: String, _ dates: String...) -> [HolidayNotice.Day] {
        dates.map { HolidayNotice.Day(name: name, date: date($0), isOffDay: false) }
    }

    static func notice(_ year: Int, _ days: [HolidayNotice.Day]...) -> HolidayNotice {
        HolidayNotice(
            year: year, papers: ["国务院办公厅关于\(year)年部分节假日安排的通知"], days: days.flatMap { $0 }, origin: .imported)
    }

    static let y2017 = notice(
        2017,
        off("元旦", "2017-01-01", "2017-01-02"),
        work("春节", "2017-01-22"),
        off("春节", "2017-01-27", "2017-01-28", "2017-01-29", "2017-01-30", "2017-01-31", "2017-02-01", "2017-02-02"),
        work("春节", "2017-02-04"),
        work("清明节", "2017-04-01"),
        off("清明节", "2017-04-02", "2017-04-03", "2017-04-04"),
        off("劳动节", "2017-05-01"),
        work("端午节", "2017-05-27"),
        off("端午节", "2017-05-28", "2017-05-29", "2017-05-30"),
        work("中秋节、国庆节", "2017-09-30"),
        off(
            "中秋节、国庆节", "2017-10-01", "2017-10-02", "2017-10-03", "2017-10-04", "2017-10-05", "2017-10-06",
            "2017-10-07", "2017-10-08"))

    static let y2018 = notice(
        2018,
        off("元旦", "2018-01-01"),
        work("春节", "2018-02-11"),
        off("春节", "2018-02-15", "2018-02-16", "2018-02-17", "2018-02-18", "2018-02-19", "2018-02-20", "2018-02-21"),
        work("春节", "2018-02-24"),
        off("清明节", "2018-04-05", "2018-04-06", "2018-04-07"),
        work("清明节", "2018-04-08"),
        work("劳动节", "2018-04-28"),
        off("劳动节", "2018-04-29", "2018-04-30", "2018-05-01"),
        off("端午节", "2018-06-18"),
        off("中秋节", "2018-09-24"),
        work("国庆节", "2018-09-29", "2018-09-30"),
        off("国庆节", "2018-10-01", "2018-10-02", "2018-10-03", "2018-10-04", "2018-10-05", "2018-10-06", "2018-10-07"))

    /// A calendar with both notices imported and shipped data around them.
    static let calendar = HolidayCalendar(imported: [y2017, y2018], years: 2016...2019)
}

extension HolidayBlock {
    /// `2017 劳动节 2017-04-29..2017-05-01`, for readable comparisons.
    var summary: String { "\(label) \(first)..\(last)" }
}

extension Period {
    /// `2019-W01 2018-12-31..2019-01-06`, for readable comparisons.
    var summary: String { "\(label) \(start)..\(end)" }
}
