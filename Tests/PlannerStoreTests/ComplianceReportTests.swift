import Foundation
import Planner
import Testing

/// `compliance NAME --year Y --detail` against `Coverage.of`, for weekly, monthly, quarterly
/// and holiday campaigns, over random histories and viewpoints that fall between events of
/// every kind.
@Suite("Compliance holds to Coverage.of", .serialized)
struct ComplianceReportTests {
    /// One row of `compliance NAME --detail`, as the JSON output gives it.
    struct Row: Decodable, Equatable, Sendable, CustomStringConvertible {
        struct Missing: Decodable, Equatable, Sendable {
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
            "\(community) \(covered)/\(required) \(rate) missing \(missing.map(\.period).joined(separator: ","))"
        }
    }

    @Test("Every community's covered and missing periods are the rule's", arguments: [11, 43] as [UInt64])
    func compliance(seed: UInt64) async throws {
        let (retractions, comparisons) = try await RandomStreet.with(seed: seed) { street in
            let comparisons = try street.facts.campaigns.flatMap { campaign in
                try street.viewpoints.map { viewpoint in
                    let line = "compliance \(campaign.name) --year \(viewpoint.date.year) --detail"
                    return Comparison(
                        label: "\(line) \(viewpoint)", got: try street.report(line, at: viewpoint, as: Row.self),
                        want: try Self.expected(campaign, year: viewpoint.date.year, street: street, at: viewpoint))
                }
            }
            return (street.facts.count("ActivityRetracted"), comparisons)
        }
        #expect(retractions > 0, "the history should hold retractions")
        for comparison in comparisons { #expect(comparison.got == comparison.want, "\(comparison.label)") }
        let rows = comparisons.flatMap(\.got)
        let covered = rows.map(\.covered).reduce(0, +)
        let missing = rows.map(\.missing.count).reduce(0, +)
        #expect(covered > 50 && missing > 50, "the viewpoints should see covered (\(covered)) and missing (\(missing))")
    }

    /// The rows the rule gives: every community owing the campaign as the log stood then, with
    /// the rate printed to four places as the JSON output prints it.
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
                rate: (coverage.rate * 10_000).rounded() / 10_000,
                missing: coverage.missing.map {
                    Row.Missing(period: $0.label, start: $0.start.description, end: $0.end.description)
                })
        }
    }
}
