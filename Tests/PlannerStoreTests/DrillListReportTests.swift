import Foundation
import Planner
import Testing

/// `drills list` and `drills missed` against `Drill.asOf`, over random histories and viewpoints
/// that fall between events of every kind.
@Suite("Drill lists hold to Drill.asOf", .serialized)
struct DrillListReportTests {
    /// One row of `drills list` or `drills missed`, as the JSON output gives it.
    struct Row: Decodable, Equatable, Sendable, CustomStringConvertible {
        var drill: String
        var plan: String
        var unit: String
        var scheduledOn: String?
        var status: String
        var conductedOn: String?
        var participants: Int?
        var rating: String?

        var description: String {
            "\(drill) \(status) scheduled \(scheduledOn ?? "-") held \(conductedOn ?? "-") \(rating ?? "")"
        }
    }

    /// Every drill shown at a viewpoint with its listing as the rule gives it, in list order
    /// (the date it is listed by, then its number).
    static func listings(_ street: RandomStreet, at viewpoint: Viewpoint) -> [(LogFacts.DrillFacts, Drill.Listing)] {
        street.facts.drills.compactMap { drill in
            Drill.asOf(viewpoint.date, recordedAsOf: viewpoint.instant, history: drill.history).map { (drill, $0) }
        }
        .sorted { a, b in
            let (x, y) = (a.1.listedOn ?? RandomHistory.epoch, b.1.listedOn ?? RandomHistory.epoch)
            return (x, a.0.number) < (y, b.0.number)
        }
    }

    static func row(_ drill: LogFacts.DrillFacts, _ listing: Drill.Listing) -> Row {
        Row(
            drill: drill.code, plan: drill.plan, unit: drill.unit, scheduledOn: listing.scheduledOn?.description,
            status: listing.status.rawValue, conductedOn: listing.conductedOn?.description,
            participants: listing.participants, rating: listing.rating?.rawValue)
    }

    @Test("drills list, by plan and by range, lists what the rule gives, by date", arguments: [5, 29] as [UInt64])
    func list(seed: UInt64) async throws {
        let from = LocalDate(year: 2024, month: 1, day: 1) ?? RandomHistory.epoch
        let to = LocalDate(year: 2024, month: 9, day: 30) ?? RandomHistory.epoch
        let comparisons = try await RandomStreet.with(seed: seed) { street in
            try street.compare("drills list", as: Row.self) { viewpoint in
                Self.listings(street, at: viewpoint).map(Self.row)
            }
                + street.compare("drills list --plan P-2", as: Row.self) { viewpoint in
                    Self.listings(street, at: viewpoint).filter { $0.0.plan == "P-2" }.map(Self.row)
                }
                + street.compare("drills list --from \(from) --to \(to)", as: Row.self) { viewpoint in
                    Self.listings(street, at: viewpoint).filter { _, listing in
                        listing.listedOn.map { from <= $0 && $0 <= to } ?? false
                    }.map(Self.row)
                }
        }
        for comparison in comparisons { #expect(comparison.got == comparison.want, "\(comparison.label)") }
        let seen = comparisons.flatMap(\.got)
        for status in ["scheduled", "cancelled", "conducted"] {
            #expect(seen.count(where: { $0.status == status }) > 10, "the viewpoints should see \(status) drills")
        }
        #expect(seen.count(where: { $0.rating != nil }) > 5, "the viewpoints should see evaluated drills")
    }

    @Test("drills missed lists the drills the rule finds missed", arguments: [5, 29] as [UInt64])
    func missed(seed: UInt64) async throws {
        let comparisons = try await RandomStreet.with(seed: seed) { street in
            try street.compare("drills missed", as: Row.self) { viewpoint in
                Self.listings(street, at: viewpoint).filter { $0.1.isMissed }.map(Self.row)
            }
        }
        for comparison in comparisons { #expect(comparison.got == comparison.want, "\(comparison.label)") }
        #expect(comparisons.map(\.got.count).reduce(0, +) > 10, "the viewpoints should find missed drills")
    }
}
