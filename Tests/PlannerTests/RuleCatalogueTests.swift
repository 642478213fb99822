import Testing

@testable import Planner

@Suite("Rule catalogue")
struct RuleCatalogueTests {
    let catalogue = RuleCatalogue()

    struct Case: Sendable, CustomTestStringConvertible {
        var kind: UnitKind
        var keyFireUnit = false
        var level: PlanLevel = .comprehensive
        var on: String
        var rule: String
        var months: Int

        var testDescription: String { "\(kind.rawValue)\(keyFireUnit ? " key" : "") \(level) on \(on) → \(rule)" }
    }

    static let cases: [Case] = [
        Case(kind: .primarySchool, on: "2017-03-01", rule: "CN-EDU-2014-A", months: 1),
        Case(kind: .middleSchool, level: .special, on: "2017-03-01", rule: "CN-EDU-2014-A", months: 1),
        // Before the 2014 education notice, schools fall back to the yearly fire drill.
        Case(kind: .primarySchool, on: "2013-12-31", rule: "CN-FIRE-61-40-B", months: 12),
        Case(kind: .kindergarten, on: "2017-03-01", rule: "CN-EDU-2014-B", months: 3),
        Case(
            kind: .enterprise, keyFireUnit: true, level: .special, on: "2017-03-01", rule: "CN-FIRE-61-40-A", months: 6),
        Case(kind: .enterprise, level: .special, on: "2017-03-01", rule: "CN-FIRE-61-40-B", months: 12),
        Case(kind: .enterprise, level: .onsite, on: "2017-03-01", rule: "CN-PMM-33-B", months: 6),
        Case(kind: .enterprise, level: .onsite, on: "2016-06-30", rule: "CN-FIRE-61-40-B", months: 12),
        // The 2019 regulation asks governments for a drill every two years: less strict than yearly.
        Case(kind: .government, on: "2019-03-31", rule: "CN-FIRE-61-40-B", months: 12),
        Case(kind: .government, on: "2019-04-01", rule: "CN-FIRE-61-40-B", months: 12),
        Case(kind: .hazardous, level: .special, on: "2019-03-31", rule: "CN-FIRE-61-40-B", months: 12),
        Case(kind: .hazardous, level: .special, on: "2019-04-01", rule: "CN-ERC-8-2", months: 6),
        Case(kind: .crowdedPlace, on: "2019-04-01", rule: "CN-ERC-8-2", months: 6),
        // A residential compound owes no drill, unless it is a key fire-safety unit.
        Case(
            kind: .residential, keyFireUnit: true, level: .special, on: "2017-03-01", rule: "CN-FIRE-61-40-A", months: 6
        ),
    ]

    @Test("the strictest drill rule in force wins", arguments: cases)
    func strictestRuleWins(_ given: Case) throws {
        let rule = try #require(
            catalogue.drillCadence(
                kind: given.kind, keyFireUnit: given.keyFireUnit, level: given.level, on: date(given.on)))
        #expect(rule.id == given.rule)
        #expect(rule.months == given.months)
    }

    @Test func noRuleForAResidentialCompoundOrBeforeAnyRuleWasInForce() {
        #expect(
            catalogue.drillCadence(kind: .residential, keyFireUnit: false, level: .special, on: date("2017-03-01"))
                == nil)
        #expect(
            catalogue.drillCadence(kind: .enterprise, keyFireUnit: true, level: .special, on: date("2002-04-30")) == nil
        )
    }

    @Test func rulesComeIntoForceOnTheirDate() {
        let before = catalogue.drillRules(
            kind: .government, keyFireUnit: false, level: .comprehensive, on: date("2019-03-31"))
        let after = catalogue.drillRules(
            kind: .government, keyFireUnit: false, level: .comprehensive, on: date("2019-04-01"))
        #expect(before.map(\.id) == ["CN-FIRE-61-40-B"])
        #expect(Set(after.map(\.id)) == ["CN-FIRE-61-40-B", "CN-ERC-8-1"])
    }

    @Test func onSitePlanRulesDoNotApplyToOtherLevels() {
        let ids = catalogue.drillRules(
            kind: .enterprise, keyFireUnit: false, level: .comprehensive, on: date("2017-03-01")
        )
        .map(\.id)
        #expect(ids.contains("CN-PMM-33-A"))
        #expect(!ids.contains("CN-PMM-33-B"))
    }

    @Test func aStricterLocalOverrideWinsFromItsDate() {
        let local = Rule(
            id: "LOCAL-KG-2M", obligation: .drill, summary: "本街道幼儿园疏散演练", months: 2, cadenceText: "≥1 per 2 months",
            scope: .init(kinds: [.kindergarten]), scopeText: "幼儿园", inForce: date("2018-01-01"),
            source: "街道办事处通知", status: .local)
        let withLocal = RuleCatalogue(rules: RuleCatalogue.shipped + [local])
        #expect(
            withLocal.drillCadence(kind: .kindergarten, keyFireUnit: false, level: .special, on: date("2017-12-31"))?.id
                == "CN-EDU-2014-B")
        #expect(
            withLocal.drillCadence(kind: .kindergarten, keyFireUnit: false, level: .special, on: date("2018-01-01"))?.id
                == "LOCAL-KG-2M")
    }

    @Test func onlyDrillRulesWithAnIntervalDecideACadence() {
        let rules = [
            Rule(
                id: "X-INSPECT", obligation: .inspection, summary: "", months: 1, cadenceText: "", scope: .init(),
                scopeText: "", inForce: date("2000-01-01"), source: "", status: .local),
            Rule(
                id: "X-EVENT", obligation: .drill, summary: "", months: nil, cadenceText: "after an event",
                scope: .init(), scopeText: "", inForce: date("2000-01-01"), source: "", status: .local),
        ]
        let catalogue = RuleCatalogue(rules: rules)
        #expect(
            catalogue.drillCadence(kind: .enterprise, keyFireUnit: true, level: .special, on: date("2017-01-01")) == nil
        )
    }

    @Test func everyRuleForAUnitWhateverTheObligation() {
        let ids = Set(catalogue.rules(kind: .enterprise, keyFireUnit: true, on: date("2017-03-01")).map(\.id))
        #expect(ids.isSuperset(of: ["CN-FIRE-61-40-A", "CN-FIRE-61-25-A", "CN-FIRE-61-26-B", "CN-FIRE-61-36-A"]))
        #expect(!ids.contains("CN-FIRE-61-26-A"))
        #expect(!ids.contains("CN-ERC-8-2"))
    }

    @Test func scopeMatching() {
        let scope = Rule.Scope(kinds: [.enterprise], keyFireUnit: true, levels: [.onsite])
        #expect(scope.matches(kind: .enterprise, keyFireUnit: true, level: .onsite))
        #expect(scope.matches(kind: .enterprise, keyFireUnit: true, level: nil))
        #expect(!scope.matches(kind: .enterprise, keyFireUnit: false, level: .onsite))
        #expect(!scope.matches(kind: .hazardous, keyFireUnit: true, level: .onsite))
        #expect(!scope.matches(kind: .enterprise, keyFireUnit: true, level: .special))
    }

    @Test func shippedRulesFollowRulesMd() throws {
        let byId = Dictionary(RuleCatalogue.shipped.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byId.count == RuleCatalogue.shipped.count, "rule ids are unique")
        let expected: [(String, String, Rule.Status)] = [
            ("CN-FIRE-61-40-A", "2002-05-01", .found), ("CN-FIRE-61-40-B", "2002-05-01", .found),
            ("CN-EDU-2014-A", "2014-01-01", .found), ("CN-EDU-2014-B", "2014-01-01", .found),
            ("CN-PMM-33-A", "2016-07-01", .found), ("CN-PMM-33-B", "2016-07-01", .found),
            ("CN-ERC-8-1", "2019-04-01", .law), ("CN-ERC-8-2", "2019-04-01", .law),
            ("CN-PMM-35", "2016-07-01", .found), ("CN-FIRE-LAW-31", "2009-05-01", .law),
        ]
        for (id, inForce, status) in expected {
            let rule = try #require(byId[id], "\(id) is shipped")
            #expect(rule.inForce == date(inForce), "\(id)")
            #expect(rule.status == status, "\(id)")
            #expect(!rule.source.isEmpty, "\(id)")
        }
        #expect(byId["CN-ERC-8-1"]?.months == 24)
    }

    // MARK: - Fixed campaign days (RULES.md)

    /// RULES.md, "Fixed campaign days", with the campaign each is kept by.
    static let campaignDays: [(id: String, name: String, flags: String?)] = [
        ("CN-EDU-DAY", "全国中小学生安全教育日", "--cadence fixed-day --on 03-last-mon --window 7d"),
        ("CN-NSE-DAY", "全民国家安全教育日", "--cadence fixed-day --on 04-15 --window 7d"),
        ("CN-DPR-DAY", "全国防灾减灾日", "--cadence fixed-day --on 05-12 --window 7d"),
        ("CN-SAFETY-MONTH", "安全生产月", "--cadence fixed-month --month 6"),
        // Set each year by that year's notice: no fixed day keeps it; the month does.
        ("CN-SAFETY-CONSULT-DAY", "安全生产宣传咨询日", nil),
        ("CN-DRUG-DAY", "国际禁毒日", "--cadence fixed-day --on 06-26 --window 7d"),
        ("CN-FIRE-DAY", "全国消防日", "--cadence fixed-day --on 11-09 --window 7d"),
        ("CN-FIRE-MONTH", "消防宣传月", "--cadence fixed-month --month 11"),
        ("CN-TRAFFIC-DAY", "全国交通安全日", "--cadence fixed-day --on 12-02 --window 7d"),
        ("CN-CONSTITUTION-DAY", "国家宪法日", "--cadence fixed-day --on 12-04 --window 7d"),
    ]

    @Test func everyFixedCampaignDayIsShippedWithItsCampaignAndSource() throws {
        let byId = Dictionary(RuleCatalogue.shipped.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byId.count == RuleCatalogue.shipped.count, "rule ids are unique")
        for (id, name, flags) in Self.campaignDays {
            let rule = try #require(byId[id], "\(id) is shipped")
            #expect(rule.summary.contains(name), "\(id)")
            #expect(rule.obligation == .publicity, "\(id)")
            #expect(rule.campaign?.flags == flags, "\(id)")
            #expect(!rule.source.isEmpty && rule.status == .found, "\(id)")
        }
        #expect(RuleCatalogue.campaignDays.map(\.id) == Self.campaignDays.map(\.id))
        #expect(byId["CN-FIRE-LAW-31"]?.campaign == .holiday(windowDays: 7))
    }

    @Test(
        "the catalogue's days fall where the calendar puts them",
        arguments: [
            ("CN-EDU-DAY", 2019, "2019 03-25 2019-03-18..2019-03-25"),
            ("CN-EDU-DAY", 2020, "2020 03-30 2020-03-23..2020-03-30"),
            ("CN-DPR-DAY", 2019, "2019 05-12 2019-05-05..2019-05-12"),
            ("CN-FIRE-DAY", 2019, "2019 11-09 2019-11-02..2019-11-09"),
            ("CN-SAFETY-MONTH", 2019, "2019-06 2019-06-01..2019-06-30"),
            ("CN-FIRE-MONTH", 2019, "2019-11 2019-11-01..2019-11-30"),
        ])
    func campaignDayPeriods(id: String, year: Int, expected: String) throws {
        let rule = try #require(RuleCatalogue.shipped.first { $0.id == id })
        let schedule = try #require(rule.campaign)
        let periods = Period.periods(schedule, selection: .year(year), calendar: Notices.calendar)
        #expect(periods.map(\.summary) == [expected])
    }

    @Test func theOfficeIsAskedForItsPublicityDays() {
        let ids = Set(catalogue.rules(kind: .government, keyFireUnit: false, on: date("2019-01-01")).map(\.id))
        #expect(ids.isSuperset(of: ["CN-FIRE-DAY", "CN-SAFETY-MONTH", "CN-DPR-DAY", "CN-FIRE-MONTH"]))
        // In force from its first year only.
        let before = Set(catalogue.rules(kind: .government, keyFireUnit: false, on: date("2016-12-31")).map(\.id))
        #expect(!before.contains("CN-FIRE-MONTH") && before.contains("CN-FIRE-DAY"))
        let school = Set(catalogue.rules(kind: .primarySchool, keyFireUnit: false, on: date("2019-01-01")).map(\.id))
        #expect(school.contains("CN-EDU-DAY") && !school.contains("CN-FIRE-DAY"))
    }
}
