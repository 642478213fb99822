import Foundation
import Planner
import Testing

/// `inspections overdue` and `inspections due` against `InspectionObligation.asOf`, over
/// random histories (units added, reclassified and closed, fire inspections) and viewpoints
/// that fall between events of every kind.
@Suite("Inspection reports hold to InspectionObligation.asOf", .serialized)
struct InspectionReportTests {
    /// One row of `inspections overdue` or `inspections due`, as the JSON output gives it.
    struct Row: Decodable, Equatable, Sendable, CustomStringConvertible {
        var unit: String
        var community: String
        var rule: String
        var lastInspection: String?
        var due: String
        var daysOverdue: Int?
        var daysLeft: Int?

        var description: String {
            "\(unit) \(rule) last \(lastInspection ?? "-") due \(due) \(daysOverdue.map { "+\($0)" } ?? "") \(daysLeft.map { "-\($0)" } ?? "")"
        }
    }

    /// Every unit under a rule with its obligation as the rule gives it, in the order added.
    static func obligations(_ street: RandomStreet, at viewpoint: Viewpoint) -> [(
        LogFacts.UnitFacts, InspectionObligation
    )] {
        street.facts.units.compactMap { unit in
            InspectionObligation.asOf(viewpoint.date, recordedAsOf: viewpoint.instant, history: unit.history).map {
                (unit, $0)
            }
        }
    }

    static func row(_ unit: LogFacts.UnitFacts, _ obligation: InspectionObligation, left: Bool = false) -> Row {
        Row(
            unit: unit.name, community: unit.community, rule: obligation.rule.id,
            lastInspection: obligation.lastInspection?.description, due: obligation.due.description,
            daysOverdue: left ? nil : obligation.daysOverdue, daysLeft: left ? -obligation.daysOverdue : nil)
    }

    @Test(
        "inspections overdue lists the units the rule finds overdue, most overdue first",
        arguments: [5, 29] as [UInt64])
    func overdue(seed: UInt64) async throws {
        let comparisons = try await RandomStreet.with(seed: seed) { street in
            try street.compare("inspections overdue", as: Row.self) { viewpoint in
                // Stable: equal days keep the order the units were added in.
                Self.obligations(street, at: viewpoint).filter { $0.1.isOverdue }
                    .enumerated().sorted {
                        ($1.element.1.daysOverdue, $0.offset) < ($0.element.1.daysOverdue, $1.offset)
                    }
                    .map { Self.row($0.element.0, $0.element.1) }
            }
        }
        for comparison in comparisons { #expect(comparison.got == comparison.want, "\(comparison.label)") }
        #expect(comparisons.map(\.got.count).reduce(0, +) > 20, "the viewpoints should find overdue units")
    }

    @Test(
        "inspections due --within 45d lists the units the rule finds due by then, soonest first",
        arguments: [5, 29] as [UInt64])
    func dueSoon(seed: UInt64) async throws {
        let comparisons = try await RandomStreet.with(seed: seed) { street in
            try street.compare("inspections due --within 45d", as: Row.self) { viewpoint in
                let limit = viewpoint.date.adding(days: 45)
                return Self.obligations(street, at: viewpoint).filter { $0.1.isDue(by: limit) }
                    .sorted { ($0.1.due, $0.0.name) < ($1.1.due, $1.0.name) }
                    .map { Self.row($0.0, $0.1, left: true) }
            }
        }
        for comparison in comparisons { #expect(comparison.got == comparison.want, "\(comparison.label)") }
        #expect(comparisons.map(\.got.count).reduce(0, +) > 5, "the viewpoints should find units falling due")
    }
}
