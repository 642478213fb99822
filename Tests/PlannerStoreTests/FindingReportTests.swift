import Foundation
import Planner
import Testing

/// `findings`, `findings --open` and `findings --overdue` against `Finding.asOf`, over random
/// histories and viewpoints that fall between events of every kind.
@Suite("Finding reports hold to Finding.asOf", .serialized)
struct FindingReportTests {
    /// One row of `findings`, as the JSON output gives it.
    struct Row: Decodable, Equatable, CustomStringConvertible {
        var finding: String
        var unit: String
        var community: String
        var severity: String
        var status: String
        var due: String
        var daysOverdue: Int?

        var description: String { "\(finding) \(status) due \(due) \(daysOverdue.map { "+\($0)" } ?? "")" }
    }

    @Test("findings, --open and --overdue list what the rule gives, in finding order", arguments: [7, 31] as [UInt64])
    func findings(seed: UInt64) throws {
        let street = try RandomStreet(seed: seed)
        for kind in ["FindingRectified", "FindingVerified"] {
            try #require(street.facts.count(kind) > 0, "no \(kind) in the history")
        }
        var seen: [String: Int] = [:]
        for viewpoint in street.viewpoints {
            let all = street.facts.findings.compactMap { finding -> (LogFacts.FindingFacts, Finding.Standing)? in
                Finding.asOf(viewpoint.date, recordedAsOf: viewpoint.instant, history: finding.history).map {
                    (finding, $0)
                }
            }
            let rows = all.map { finding, standing in
                Row(
                    finding: finding.code, unit: finding.unit, community: finding.community,
                    severity: finding.severity.rawValue, status: standing.status.rawValue,
                    due: finding.history.due.description, daysOverdue: standing.daysOverdue)
            }
            for (flag, want) in [
                ("", rows), (" --open", rows.filter { $0.status == "open" }),
                (" --overdue", rows.filter { $0.daysOverdue != nil }),
            ] {
                let got = try street.report("findings" + flag, at: viewpoint, as: Row.self)
                #expect(got == want, "findings\(flag) \(viewpoint)")
            }
            for row in rows { seen[row.daysOverdue == nil ? row.status : "overdue", default: 0] += 1 }
        }
        for status in ["open", "rectified", "closed", "overdue"] {
            #expect(seen[status, default: 0] > 3, "the viewpoints should see \(status) findings: \(seen)")
        }
    }
}
