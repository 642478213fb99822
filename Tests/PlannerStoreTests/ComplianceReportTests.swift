import Foundation
import Planner
import Testing

/// `compliance NAME --year Y --detail` against `Coverage.of`, for weekly, monthly, quarterly
/// and holiday campaigns, over random histories and viewpoints that fall between events of
/// every kind.
@Suite("Compliance holds to Coverage.of", .serialized)
struct ComplianceReportTests {
    /// One row of `compliance NAME --detail`, as the JSON output gives it.
    struct Row: Decodable, CustomStringConvertible {
        struct Missing: Decodable, Equatable {
            var period: String
            var start: String
            var end: String
        }

        var community: String
        var required: Int
        var covered: Int
        var rate: Double
        var missing: [Missing]

        var description: String {
            "\(community) \(covered)/\(required) missing \(missing.map(\.period).joined(separator: ","))"
        }

        /// The same row, the rate printed to four places.
        func matches(_ other: Row) -> Bool {
            (community, required, covered) == (other.community, other.required, other.covered)
                && missing == other.missing && abs(rate - other.rate) <= 0.000_05 + 1e-9
        }
    }

    @Test("Every community's covered and missing periods are the rule's", arguments: [11, 43] as [UInt64])
    func compliance(seed: UInt64) throws {
        let street = try RandomStreet(seed: seed)
        try #require(street.facts.count("ActivityRetracted") > 0, "no retraction in the history")
        var covered = 0
        var missing = 0
        for viewpoint in street.viewpoints {
            for campaign in street.facts.campaigns {
                let year = viewpoint.date.year
                let got = try street.report(
                    "compliance \(campaign.name) --year \(year) --detail", at: viewpoint, as: Row.self)
                let want = try Self.expected(campaign, year: year, street: street, at: viewpoint)
                let same = got.count == want.count && zip(got, want).allSatisfy { $0.matches($1) }
                #expect(same, "compliance \(campaign.name) --year \(year) \(viewpoint): got \(got), want \(want)")
                covered += got.map(\.covered).reduce(0, +)
                missing += got.map(\.missing.count).reduce(0, +)
            }
        }
        #expect(
            covered > 50 && missing > 50,
            "the viewpoints should see covered (\(covered)) and missing (\(missing)) periods")
    }

    static func expected(_ facts: LogFacts.CampaignFacts, year: Int, street: RandomStreet, at viewpoint: Viewpoint)
        throws -> [Row]
    {
        let defined = facts.campaign
        let calendar = HolidayCalendar(years: (year - 1)...(year + 1))
        let schedule = try Schedule(
            cadence: defined.cadence, windowDays: defined.windowDays, day: defined.day, month: defined.month)
        let required = Period.required(
            Period.periods(schedule, selection: .year(year), calendar: calendar), asOf: viewpoint.date)
        return defined.owing(street.facts.communities, recordedAsOf: viewpoint.instant).map { community in
            let coverage = Coverage.of(
                required, activities: facts.activities[community] ?? [], recordedAsOf: viewpoint.instant)
            return Row(
                community: community, required: coverage.required.count, covered: coverage.covered,
                rate: coverage.rate,
                missing: coverage.missing.map {
                    Row.Missing(period: $0.label, start: $0.start.description, end: $0.end.description)
                })
        }
    }
}
