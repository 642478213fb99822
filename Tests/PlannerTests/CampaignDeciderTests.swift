import Testing

@testable import Planner

@Suite("Campaign and activity deciders")
struct CampaignDeciderTests {
    let today = date("2017-12-31")

    func define(
        _ name: String = "节日消防宣传", cadence: Cadence = .holiday, on day: String? = nil, month: Int? = nil,
        window: String? = nil, communities: [String]? = nil, unknown: [String] = [], state: Campaign = .initial
    ) throws -> [Event] {
        try Campaign.define(
            name: name, cadence: cadence, day: day.flatMap { FixedDay($0) }, month: month,
            window: window.flatMap { Interval($0) }, communities: communities, unknown: unknown, state: state)
    }

    func log(
        campaign: Campaign, community: Community, communityName: String = Given.communityName,
        on day: String = "2017-03-06",
        leaflets: Int? = 200, attendees: Int? = 40
    ) throws -> [Event] {
        let command = Activity.LogCommand(
            code: "A-1", campaign: "每周消防宣传", community: communityName, on: date(day), activity: "发放传单",
            leaflets: leaflets, attendees: attendees)
        return try Activity.log(command, campaign: campaign, community: community, today: today)
    }

    // MARK: - campaign define

    @Test(
        "the holiday window is given in days or weeks",
        arguments: [(nil, 7), ("10d", 10), ("2w", 14), ("1d", 1)] as [(String?, Int)])
    func window(window: String?, days: Int) throws {
        let events = try define(window: window, communities: [Given.communityName])
        #expect(
            events == [
                .campaignDefined(
                    CampaignDefined(
                        name: "节日消防宣传", cadence: .holiday, windowDays: days, communities: [Given.communityName]))
            ])
        #expect(Campaign.fold(events).windowDays == days)
    }

    @Test("a window in months, years or working days is refused", arguments: ["1m", "1y", "5wd"])
    func windowInMonthsRefused(window: String) {
        expectRefusal(naming: window, "days or weeks") { try define(window: window) }
    }

    @Test func unknownCommunityIsNamed() {
        expectRefusal(naming: "no community 西山社区") {
            try define(communities: [Given.communityName, "西山社区", "南湖社区"], unknown: ["西山社区", "南湖社区"])
        }
    }

    @Test func duplicateName() {
        let state = Campaign.fold(Given.campaign("节日消防宣传", cadence: .holiday))
        expectRefusal(naming: "campaign 节日消防宣传 already exists") { try define(state: state) }
    }

    // MARK: - fixed days and fixed months

    @Test(
        "a fixed-day campaign keeps its day and its window, 7 days unless given",
        arguments: [("11-09", nil, 7), ("05-12", "3d", 3), ("03-last-mon", "2w", 14)] as [(String, String?, Int)])
    func fixedDay(on day: String, window: String?, days: Int) throws {
        let events = try define("宣传日", cadence: .fixedDay, on: day, window: window)
        let fixed = try #require(FixedDay(day))
        #expect(
            events == [
                .campaignDefined(CampaignDefined(name: "宣传日", cadence: .fixedDay, windowDays: days, day: fixed))
            ])
        let campaign = Campaign.fold(events)
        #expect(campaign.day == fixed && campaign.windowDays == days && campaign.cadence == .fixedDay)
    }

    @Test func aFixedMonthCampaignKeepsItsMonth() throws {
        let events = try define("安全生产月", cadence: .fixedMonth, month: 6, communities: [Given.communityName])
        #expect(
            events == [
                .campaignDefined(
                    CampaignDefined(
                        name: "安全生产月", cadence: .fixedMonth, windowDays: 7, month: 6,
                        communities: [Given.communityName]))
            ])
        #expect(Campaign.fold(events).month == 6)
    }

    @Test func aFixedDayNeedsItsDayAndAFixedMonthItsMonth() {
        expectRefusal(naming: "fixed-day", "--on MM-DD") { try define(cadence: .fixedDay) }
        expectRefusal(naming: "fixed-month", "--month M") { try define(cadence: .fixedMonth) }
    }

    @Test(
        "--on and --month go with their own cadence only",
        arguments: [Cadence.weekly, .monthly, .quarterly, .holiday, .fixedMonth])
    func dayWithAnotherCadence(cadence: Cadence) {
        expectRefusal(naming: "--on goes with --cadence fixed-day") {
            try define(cadence: cadence, on: "11-09", month: cadence == .fixedMonth ? 6 : nil)
        }
    }

    @Test(arguments: [Cadence.weekly, .monthly, .quarterly, .holiday, .fixedDay])
    func monthWithAnotherCadence(cadence: Cadence) {
        expectRefusal(naming: "--month goes with --cadence fixed-month") {
            try define(cadence: cadence, on: cadence == .fixedDay ? "11-09" : nil, month: 6)
        }
    }

    @Test(arguments: [0, 13, -6])
    func aMonthIsOneToTwelve(month: Int) {
        expectRefusal(naming: "--month \(month) is not a month") { try define(cadence: .fixedMonth, month: month) }
    }

    @Test func aFixedMonthTakesNoWindow() {
        expectRefusal(naming: "whole month", "--window") { try define(cadence: .fixedMonth, month: 6, window: "7d") }
    }

    @Test("a fixed day's window is in days or weeks", arguments: ["1m", "1y", "5wd"])
    func fixedDayWindowInMonthsRefused(window: String) {
        expectRefusal(naming: window, "days or weeks") { try define(cadence: .fixedDay, on: "11-09", window: window) }
    }

    @Test func anEmptyScopeIsRefused() {
        expectRefusal(naming: "--communities") { try define(communities: []) }
    }

    @Test func withoutAScopeEveryCommunityOwesIt() throws {
        let campaign = Campaign.fold(try define(cadence: .weekly))
        #expect(campaign.communities == nil)
        #expect(campaign.covers(community: "任何社区"))
        let scoped = Campaign.fold(Given.campaign(communities: [Given.communityName]))
        #expect(scoped.covers(community: Given.communityName))
        #expect(!scoped.covers(community: "西山社区"))
    }

    // MARK: - campaign log

    @Test func logAnActivity() throws {
        let events = try log(campaign: Campaign.fold(Given.campaign()), community: Community.fold(Given.community()))
        #expect(
            events == [
                .activityLogged(
                    ActivityLogged(
                        code: "A-1", campaign: "每周消防宣传", community: Given.communityName, on: date("2017-03-06"),
                        activity: "发放传单", leaflets: 200, attendees: 40))
            ])
        #expect(Activity.fold(events).code == "A-1")
    }

    @Test func logOnTodayIsAccepted() throws {
        let events = try log(
            campaign: Campaign.fold(Given.campaign()), community: Community.fold(Given.community()), on: "2017-12-31")
        #expect(events.count == 1)
    }

    @Test func logRefusesACommunityOutOfScope() {
        let campaign = Campaign.fold(Given.campaign(communities: ["西山社区", "南湖社区"]))
        let error = expectRefusal(naming: "东风社区 is not in the scope of 每周消防宣传", "西山社区,南湖社区") {
            try log(campaign: campaign, community: Community.fold(Given.community()))
        }
        #expect(error?.chinese.contains("西山社区、南湖社区") == true)
    }

    @Test func logRefusesAFutureDate() {
        expectRefusal(naming: "activity", "2018-01-01", "after today (2017-12-31)") {
            try log(
                campaign: Campaign.fold(Given.campaign()), community: Community.fold(Given.community()),
                on: "2018-01-01")
        }
    }

    @Test(
        "negative quantities are refused",
        arguments: [(-1, nil, "--leaflets"), (nil, -5, "--attendees")] as [(Int?, Int?, String)])
    func negativeQuantities(leaflets: Int?, attendees: Int?, flag: String) {
        expectRefusal(naming: flag, "negative") {
            try log(
                campaign: Campaign.fold(Given.campaign()), community: Community.fold(Given.community()),
                leaflets: leaflets,
                attendees: attendees)
        }
    }

    @Test func zeroQuantitiesAreAccepted() throws {
        let events = try log(
            campaign: Campaign.fold(Given.campaign()), community: Community.fold(Given.community()), leaflets: 0,
            attendees: 0)
        #expect(events.count == 1)
    }

    @Test func logRefusesUnknownCampaignOrCommunity() {
        expectRefusal(naming: "no campaign 每周消防宣传") {
            try log(campaign: .initial, community: Community.fold(Given.community()))
        }
        expectRefusal(naming: "no community 西山社区") {
            try log(campaign: Campaign.fold(Given.campaign()), community: .initial, communityName: "西山社区")
        }
    }

    // MARK: - campaign retract

    @Test func retractWithAReason() throws {
        let activity = Activity.fold(Given.activity())
        let events = try Activity.retract(reason: "重复登记", state: activity)
        #expect(events == [.activityRetracted(ActivityRetracted(reason: "重复登记"))])
        #expect(activity.evolve(events[0]).retracted)
    }

    @Test func retractingTwiceIsRefused() {
        let activity = Activity.fold(Given.activity() + [.activityRetracted(ActivityRetracted(reason: "重复登记"))])
        expectRefusal(naming: "A-1 was already retracted") { try Activity.retract(reason: "再次撤回", state: activity) }
    }

    @Test func retractNeedsAReasonAndAnActivity() {
        expectRefusal(naming: "reason") { try Activity.retract(reason: "", state: Activity.fold(Given.activity())) }
        expectRefusal(naming: "no such activity") { try Activity.retract(reason: "重复", state: .initial) }
    }
}
