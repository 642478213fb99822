import Foundation
import Testing

@testable import Planner

@Suite("Local rule files")
struct RuleOverrideTests {
    static let kindergartenMonthly = """
        [{"id": "OFFICE-KG-1", "obligation": "drill", "summary": "幼儿园每月疏散演练", "months": 1,
          "cadence": "≥1 per month", "kinds": ["kindergarten"], "applies_to": "辖区幼儿园",
          "in_force": "2020-01-01", "source": "街道安全生产制度 第5条"}]
        """

    @Test("A stricter local rule wins from its date in force, and names its source")
    func stricterLocalRuleWins() throws {
        let catalogue = try RuleCatalogue.withOverrides(Data(Self.kindergartenMonthly.utf8), file: "rules.json")
        let before = catalogue.drillCadence(
            kind: .kindergarten, keyFireUnit: false, level: .special,
            on: LocalDate(year: 2019, month: 12, day: 31) ?? .init(dayNumber: 0))
        let after = catalogue.drillCadence(
            kind: .kindergarten, keyFireUnit: false, level: .special,
            on: LocalDate(year: 2020, month: 1, day: 1) ?? .init(dayNumber: 0))
        #expect(before?.id == "CN-EDU-2014-B")
        #expect(after?.id == "OFFICE-KG-1")
        #expect(after?.status == .local)
        #expect(after?.source == "街道安全生产制度 第5条")
        #expect(catalogue.rules.count == RuleCatalogue.shipped.count + 1)
    }

    @Test(
        "A bad rule file is refused with the file, the rule and the bad word",
        arguments: [
            (
                #"[{"id": "X", "obligation": "dance", "summary": "", "cadence": "", "applies_to": "", "in_force": "2020-01-01", "source": "s"}]"#,
                "unknown obligation dance"
            ),
            (
                #"[{"id": "X", "obligation": "drill", "summary": "", "cadence": "", "kinds": ["zoo"], "applies_to": "", "in_force": "2020-01-01", "source": "s"}]"#,
                "unknown unit kind zoo"
            ),
            (
                #"[{"id": "X", "obligation": "drill", "summary": "", "cadence": "", "applies_to": "", "in_force": "2020-13-01", "source": "s"}]"#,
                "2020-13-01 is not a date"
            ),
            (
                #"[{"id": "X", "obligation": "drill", "summary": "", "cadence": "", "applies_to": "", "in_force": "2020-01-01", "source": ""}]"#,
                "must name its source"
            ),
            (
                #"[{"id": "CN-EDU-2014-A", "obligation": "drill", "summary": "", "cadence": "", "applies_to": "", "in_force": "2020-01-01", "source": "s"}]"#,
                "used twice"
            ),
            (
                #"[{"id": "X", "obligation": "drill", "summary": "", "cadence": "", "in_force": "2020-01-01", "source": "s"}]"#,
                "lacks \"applies_to\""
            ),
            (#"{"not": "a list"}"#, "not a list of rules"),
        ])
    func badFilesRefused(_ text: String, _ expected: String) {
        let error = #expect(throws: RuleOverrideError.self) {
            try RuleCatalogue.withOverrides(Data(text.utf8), file: "rules.json")
        }
        #expect(error?.description.hasPrefix("rules.json") == true)
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
    }
}
