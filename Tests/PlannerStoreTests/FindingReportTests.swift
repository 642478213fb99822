import Foundation
import Planner
import Testing

/// `findings`, `findings --open` and `findings --overdue` against `Finding.asOf`, over random
/// histories and viewpoints that fall between events of every kind.
@Suite("Finding reports hold to Finding.asOf", .serialized)
struct FindingReportTests {
    /// One row of `findings`, as the JSON output gives it.
    struct Row: Decodable, Equatable, Sendable, CustomStringConvertible {
        var finding: String
        var unit: String
        var community: String
        var severity: String
        var status: String
        var due: String
        var daysOverdue: Int?

        var description: String { "\(finding) \(status) due \(due) \(daysOverdue.map { "+\($0)" } ?? "")" }
    }

    /// Every finding shown at a viewpoint, with its standing as the rule gives it.
    static func rows(_ street: RandomStreet, at viewpoint: Viewpoint) -> [Row] {
        street.facts.findings.compactMap { finding in
            Finding.asOf(viewpoint.date, recordedAsOf: viewpoint.instant, history: finding.history).map { standing in
                Row(
                    finding: finding.code, unit: finding.unit, community: finding.community,
                    severity: finding.history.severity(finding.severity, at: viewpoint.instant).rawValue,
                    status: standing.status.rawValue, due: finding.history.due(at: viewpoint.instant).description,
                    daysOverdue: standing.daysOverdue)
            }
        }
    }

    @Test("findings, --open and --overdue list what the rule gives, in finding order", arguments: [7, 31] as [UInt64])
    func findings(seed: UInt64) async throws {
        let comparisons = try await RandomStreet.with(seed: seed) { street in
            try street.compare("findings", as: Row.self) { Self.rows(street, at: $0) }
                + street.compare("findings --open", as: Row.self) {
                    Self.rows(street, at: $0).filter { $0.status == "open" }
                }
                + street.compare("findings --overdue", as: Row.self) {
                    Self.rows(street, at: $0).filter { $0.daysOverdue != nil }
                }
        }
        for comparison in comparisons { #expect(comparison.got == comparison.want, "\(comparison.label)") }
        let seen = comparisons.flatMap(\.got).map { $0.daysOverdue == nil ? $0.status : "overdue" }
        for status in ["open", "rectified", "closed", "overdue"] {
            #expect(seen.count(where: { $0 == status }) > 3, "the viewpoints should see \(status) findings")
        }
    }
}
