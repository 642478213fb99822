import Foundation
import Planner
import Testing

/// `findings stats` against `FindingStatistics.of`, over random histories and viewpoints that
/// fall between events of every kind.
@Suite("Finding statistics hold to FindingStatistics.of", .serialized)
struct FindingStatisticsReportTests {
    /// One row of `findings stats`, as the JSON output gives it.
    struct Row: Decodable, Equatable, Sendable, CustomStringConvertible {
        var community: String
        var generalFound: Int
        var generalClosed: Int
        var majorFound: Int
        var majorClosed: Int
        var majorWrittenOff: Int
        var open: Int
        var overdue: Int

        init(_ row: FindingStatistics) {
            (community, generalFound, generalClosed, majorFound) =
                (row.community, row.generalFound, row.generalClosed, row.majorFound)
            (majorClosed, majorWrittenOff, open, overdue) = (
                row.majorClosed, row.majorWrittenOff, row.open, row.overdue
            )
        }

        var description: String {
            "\(community) general \(generalFound)/\(generalClosed) major \(majorFound)/\(majorClosed)/\(majorWrittenOff) open \(open) overdue \(overdue)"
        }
    }

    /// The statistics for `from…to` at a viewpoint, as the rule gives them.
    static func rows(_ street: RandomStreet, from: LocalDate, to: LocalDate, at viewpoint: Viewpoint) -> [Row] {
        FindingStatistics.of(
            from: from, to: to, asOf: viewpoint.date, recordedAsOf: viewpoint.instant,
            communities: street.facts.communities,
            findings: street.facts.findings.map {
                FindingStatistics.Counted(community: $0.community, severity: $0.severity, history: $0.history)
            }
        ).map(Row.init)
    }

    @Test("findings stats for a year and a quarter counts what the rule gives", arguments: [7, 31] as [UInt64])
    func statistics(seed: UInt64) async throws {
        let periods: [(String, LocalDate, LocalDate)] = [
            ("--year 2024", LocalDate(year: 2024, month: 1, day: 1), LocalDate(year: 2024, month: 12, day: 31)),
            ("--year 2023", LocalDate(year: 2023, month: 1, day: 1), LocalDate(year: 2023, month: 12, day: 31)),
            (
                "--year 2024 --quarter 2", LocalDate(year: 2024, month: 4, day: 1),
                LocalDate(year: 2024, month: 6, day: 30)
            ),
        ].compactMap { flags, from, to in from.flatMap { from in to.map { (flags, from, $0) } } }
        let comparisons = try await RandomStreet.with(seed: seed) { street in
            try periods.flatMap { flags, from, to in
                try street.compare("findings stats \(flags)", as: Row.self) { viewpoint in
                    Self.rows(street, from: from, to: to, at: viewpoint)
                }
            }
        }
        for comparison in comparisons { #expect(comparison.got == comparison.want, "\(comparison.label)") }
        let rows = comparisons.flatMap(\.got)
        #expect(rows.map(\.majorWrittenOff).reduce(0, +) > 3, "the viewpoints should see written-off findings")
        #expect(rows.map(\.overdue).reduce(0, +) > 3, "the viewpoints should see overdue findings")
        #expect(rows.map(\.generalClosed).reduce(0, +) > 3, "the viewpoints should see closed findings")
    }
}
