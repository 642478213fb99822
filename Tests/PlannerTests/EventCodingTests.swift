import Foundation
import Testing

@testable import Planner

@Suite("Event coding")
struct EventCodingTests {
    /// One event of every type, with its optional fields filled so that each is exercised.
    static let samples: [Event] = [
        .communityAdded(CommunityAdded(name: "东风社区")),
        .unitAdded(UnitAdded(name: "实验小学", community: "东风社区", kind: .primarySchool, keyFireUnit: true)),
        .unitReclassified(UnitReclassified(kind: .middleSchool, keyFireUnit: nil)),
        .unitClosed(UnitClosed(on: date("2018-07-01"))),
        .unitMoved(UnitMoved(community: "汉水湾社区", reason: "登记社区有误")),
        .planAdded(
            PlanAdded(
                code: "P-1", name: "消防应急预案", unit: "实验小学", level: .onsite, hazard: "火灾", everyMonths: 1,
                rule: "CN-EDU-2014-A", from: date("2017-03-01"))),
        .planRevised(PlanRevised(on: date("2018-05-02"), reason: "演练发现问题", finding: "F-3")),
        .planEvaluated(PlanEvaluated(on: date("2018-06-01"), note: nil)),
        .planRetired(PlanRetired(on: date("2019-01-01"))),
        .planCorrected(PlanCorrected(everyMonths: 6, level: .special, reason: "周期登记有误")),
        .drillScheduled(
            DrillScheduled(
                code: "D-1", plan: "P-1", on: date("2017-04-06"), form: .tabletop, scope: .single, scenario: "教学楼/食堂火灾")
        ),
        .drillRescheduled(DrillRescheduled(on: date("2017-04-13"), reason: "考试周")),
        .drillCorrected(DrillCorrected(on: date("2017-04-12"), participants: 812, reason: "登记日期有误")),
        .findingCorrected(FindingCorrected(due: date("2017-05-20"), severity: .major, reason: "整改期限填错")),
        .drillCancelled(DrillCancelled(reason: "暴雨 \"红色\" 预警")),
        .drillConducted(
            DrillConducted(
                code: "D-1", plan: "P-1", on: date("2017-04-13"), participants: 809, evacuationSeconds: 210, note: "良好")
        ),
        .drillEvaluated(
            DrillEvaluated(on: date("2017-04-14"), rating: .poor, report: "疏散慢", findings: ["F-1", "F-2"])),
        .campaignDefined(CampaignDefined(name: "节日消防宣传", cadence: .holiday, windowDays: 10, communities: ["东风社区"])),
        .campaignDefined(
            CampaignDefined(
                name: "119消防宣传", cadence: .fixedDay, windowDays: 7, day: .date(month: 11, day: 9),
                communities: ["东风社区"])),
        .campaignDefined(CampaignDefined(name: "安全生产月", cadence: .fixedMonth, windowDays: 7, month: 6)),
        .activityLogged(
            ActivityLogged(
                code: "A-1", campaign: "节日消防宣传", community: "东风社区", on: date("2017-04-25"), activity: "发放传单",
                leaflets: 200, attendees: 35)),
        .activityRetracted(ActivityRetracted(reason: "重复登记")),
        .holidayNoticeImported(
            HolidayNoticeImported(
                notice: Notices.y2018,
                blocks: [HolidayBlock(name: "元旦", year: 2018, first: date("2017-12-30"), last: date("2018-01-01"))])),
        .inspectionRecorded(
            InspectionRecorded(
                code: "I-1", unit: "实验小学", on: date("2017-09-29"), inspector: "王", kind: .schoolSurroundings)),
        .findingAdded(
            FindingAdded(
                code: "F-1", inspection: "I-1", drill: nil, inspectedOn: date("2017-09-29"), unit: "实验小学",
                text: "疏散通道堵塞", severity: .major, due: date("2017-10-12"), deadline: "5wd", responsible: "李")),
        .findingRectified(FindingRectified(on: date("2017-10-10"), note: "已清理")),
        .findingVerified(FindingVerified(on: date("2017-10-12"), result: .fail, note: nil)),
        .majorFindingReported(MajorFindingReported(on: date("2017-09-30"), authority: "区应急管理局")),
        .remediationPlanned(RemediationPlanned(on: date("2017-10-01"), plan: "更换储罐", due: date("2017-10-31"))),
        .majorFindingEvaluated(MajorFindingEvaluated(on: date("2017-10-22"), note: "达标")),
        .majorFindingWrittenOff(MajorFindingWrittenOff(on: date("2017-10-26"), approvedBy: "张主任")),
        .budgetSet(BudgetSet(line: "安全生产", year: 2017, amount: Yuan(fen: 8_000_000))),
        .expenseRecorded(
            ExpenseRecorded(
                code: "E-1", line: "安全生产", on: date("2017-03-15"), amount: Yuan(fen: 1_234_567), note: "灭火器更换")),
        .expenseRetracted(ExpenseRetracted(reason: "重复登记")),
        .targetSet(TargetSet(indicator: .drillsOnTime, year: 2017, percent: 95)),
    ]

    @Test("There is a sample of every registered type, one each but for fixed campaigns")
    func thereIsASampleOfEveryType() {
        let types = Self.samples.map(\.type)
        #expect(Set(types).count == types.count - 2, "one sample per type, and one per fixed campaign")
        #expect(Set(types) == Set(EventRegistry.types.map(\.name)))
    }

    @Test("every event round-trips through its stored form", arguments: samples)
    func roundTrip(event: Event) throws {
        let stored = try event.encoded()
        #expect(stored.type == event.type)
        #expect(stored.schemaVersion == type(of: event.payload).schemaVersion)
        let decoded = try Event.decode(type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data)
        #expect(decoded == event)
    }

    @Test("JSON keys are snake_case", arguments: samples)
    func keysAreSnakeCase(event: Event) throws {
        let stored = try event.encoded()
        let json = try JSONSerialization.jsonObject(with: Data(stored.data.utf8))
        for key in Self.keys(of: json) {
            #expect(
                key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, "\(stored.type): \(key)")
        }
    }

    /// Every key of every object nested in a JSON value.
    static func keys(of json: Any) -> [String] {
        if let object = json as? [String: Any] {
            return object.keys.sorted() + object.values.flatMap { keys(of: $0) }
        }
        if let array = json as? [Any] {
            return array.flatMap { keys(of: $0) }
        }
        return []
    }

    @Test func storedFormOfAFinding() throws {
        let stored = try #require(Self.samples.first { $0.type == "FindingAdded" }).encoded()
        #expect(stored.data.contains(#""inspected_on":"2017-09-29""#))
        #expect(stored.data.contains(#""due":"2017-10-12""#))
        #expect(!stored.data.contains("inspectedOn"))
        let unit = try Event.unitAdded(
            UnitAdded(name: "某厂", community: "东风社区", kind: .crowdedPlace, keyFireUnit: false)
        )
        .encoded()
        #expect(unit.data == #"{"community":"东风社区","key_fire_unit":false,"kind":"crowded-place","name":"某厂"}"#)
    }

    @Test("Amounts are stored as strings with two decimals, never as JSON numbers")
    func storedFormOfAnExpense() throws {
        let stored = try #require(Self.samples.first { $0.type == "ExpenseRecorded" }).encoded()
        #expect(
            stored.data
                == #"{"amount":"12345.67","code":"E-1","line":"安全生产","note":"灭火器更换","on":"2017-03-15"}"#)
    }

    @Test("A stored amount that is a number or has three decimals is refused", arguments: [#"12345.67"#, #""1.234""#])
    func malformedAmount(amount: String) {
        #expect(throws: EventDecodingError.self) {
            try Event.decode(
                type: "BudgetSet", schemaVersion: 1, data: #"{"line": "安全生产", "year": 2017, "amount": \#(amount)}"#)
        }
    }

    @Test func storedFormOfFixedCampaigns() throws {
        let day = try #require(FixedDay("03-last-mon"))
        let fixedDay = try Event.campaignDefined(
            CampaignDefined(name: "安全教育日", cadence: .fixedDay, windowDays: 7, day: day)
        ).encoded()
        #expect(fixedDay.data == #"{"cadence":"fixed-day","day":"03-last-mon","name":"安全教育日","window_days":7}"#)
        let fixedMonth = try Event.campaignDefined(
            CampaignDefined(name: "安全生产月", cadence: .fixedMonth, windowDays: 7, month: 6, communities: ["东风社区"])
        ).encoded()
        #expect(
            fixedMonth.data
                == #"{"cadence":"fixed-month","communities":["东风社区"],"month":6,"name":"安全生产月","window_days":7}"#)
        // Campaigns defined before fixed days existed keep their stored form.
        let weekly = try Event.campaignDefined(CampaignDefined(name: "周宣传", cadence: .weekly, windowDays: 7)).encoded()
        #expect(weekly.data == #"{"cadence":"weekly","name":"周宣传","window_days":7}"#)
    }

    @Test(
        "a fixed campaign without its day or month is refused when read",
        arguments: [
            #"{"cadence":"fixed-day","name":"消防日","window_days":7}"#,
            #"{"cadence":"fixed-day","day":"02-29","name":"消防日","window_days":7}"#,
            #"{"cadence":"fixed-month","name":"安全生产月","window_days":7}"#,
            #"{"cadence":"fixed-month","month":0,"name":"安全生产月","window_days":7}"#,
        ])
    func fixedCampaignWithoutItsDay(data: String) {
        let error = #expect(throws: EventDecodingError.self) {
            try Event.decode(type: "CampaignDefined", schemaVersion: 1, data: data)
        }
        #expect(error?.type == "CampaignDefined")
    }

    @Test func absentOptionalsDecode() throws {
        let decoded = try Event.decode(
            type: "DrillEvaluated", schemaVersion: 1, data: #"{"rating":"good"}"#)
        #expect(decoded == .drillEvaluated(DrillEvaluated(on: nil, rating: .good, report: nil, findings: nil)))
    }

    @Test func aNewerSchemaVersionIsRefused() throws {
        let stored = try Event.communityAdded(CommunityAdded(name: "东风社区")).encoded()
        let error = #expect(throws: EventDecodingError.self) {
            try Event.decode(type: stored.type, schemaVersion: CommunityAdded.schemaVersion + 1, data: stored.data)
        }
        #expect(error?.type == "CommunityAdded")
        #expect(error?.description.contains("schema version \(CommunityAdded.schemaVersion + 1)") == true)
    }

    @Test func anUnknownTypeIsRefused() {
        let error = #expect(throws: EventDecodingError.self) {
            try Event.decode(type: "DrillTeleported", schemaVersion: 1, data: "{}")
        }
        #expect(error?.description.contains("DrillTeleported") == true)
        #expect(error?.reason == "unknown event type")
    }

    @Test(
        "malformed data is refused, naming the type",
        arguments: [
            ("UnitClosed", #"{"on":"2017-02-29"}"#),
            ("UnitAdded", #"{"name":"某厂","community":"东风社区","kind":"factory","key_fire_unit":false}"#),
            ("PlanRetired", #"{}"#),
            ("CommunityAdded", "not json"),
        ])
    func malformedData(type: String, data: String) {
        let error = #expect(throws: EventDecodingError.self) {
            try Event.decode(type: type, schemaVersion: 1, data: data)
        }
        #expect(error?.type == type)
    }
}
