import Foundation
import Planner
import Testing

/// `drills overdue` and `drills due` against `DrillObligation.asOf`, over random histories
/// and viewpoints that fall between events of every kind.
@Suite("Drill reports hold to DrillObligation.asOf", .serialized)
struct DrillReportTests {
    /// One row of `drills overdue` or `drills due`, as the JSON output gives it.
    struct Row: Decodable, Equatable, Sendable, CustomStringConvertible {
        var plan: String
        var community: String
        var lastDrill: String?
        var due: String
        var daysOverdue: Int?
        var daysLeft: Int?

        var description: String {
            "\(plan) last \(lastDrill ?? "-") due \(due) \(daysOverdue.map { "+\($0)" } ?? "") \(daysLeft.map { "-\($0)" } ?? "")"
        }
    }

    /// Every plan in force with its obligation as the rule gives it, in plan order.
    static func obligations(_ street: RandomStreet, at viewpoint: Viewpoint) -> [(LogFacts.PlanFacts, DrillObligation)]
    {
        street.facts.plans.compactMap { plan in
            DrillObligation.asOf(viewpoint.date, recordedAsOf: viewpoint.instant, history: plan.history).map {
                (plan, $0)
            }
        }
    }

    @Test("drills overdue lists the plans the rule finds overdue, most overdue first", arguments: [5, 29] as [UInt64])
    func overdue(seed: UInt64) async throws {
        let (kinds, comparisons) = try await RandomStreet.with(seed: seed) { street in
            let kinds = LogFacts.instantKinds.filter { street.facts.count($0) > 0 }
            let comparisons = try street.compare("drills overdue", as: Row.self) { viewpoint in
                Self.obligations(street, at: viewpoint).filter { $0.1.isOverdue }
                    .sorted { ($1.1.daysOverdue, $0.0.number) < ($0.1.daysOverdue, $1.0.number) }
                    .map { plan, obligation in
                        Row(
                            plan: plan.code, community: plan.community, lastDrill: obligation.lastDrill?.description,
                            due: obligation.due.description, daysOverdue: obligation.daysOverdue)
                    }
            }
            return (kinds, comparisons)
        }
        #expect(kinds == LogFacts.instantKinds, "the history should hold every kind of event")
        for comparison in comparisons { #expect(comparison.got == comparison.want, "\(comparison.label)") }
        #expect(comparisons.map(\.got.count).reduce(0, +) > 20, "the viewpoints should find overdue plans")
    }

    @Test(
        "drills due --within 45d lists the plans the rule finds due by then, soonest first",
        arguments: [5, 29] as [UInt64])
    func dueSoon(seed: UInt64) async throws {
        let comparisons = try await RandomStreet.with(seed: seed) { street in
            try street.compare("drills due --within 45d", as: Row.self) { viewpoint in
                let limit = viewpoint.date.adding(days: 45)
                return Self.obligations(street, at: viewpoint).filter { $0.1.isDue(by: limit) }
                    .sorted { ($0.1.due, $0.0.code) < ($1.1.due, $1.0.code) }
                    .map { plan, obligation in
                        Row(
                            plan: plan.code, community: plan.community, lastDrill: obligation.lastDrill?.description,
                            due: obligation.due.description, daysLeft: -obligation.daysOverdue)
                    }
            }
        }
        for comparison in comparisons { #expect(comparison.got == comparison.want, "\(comparison.label)") }
        #expect(comparisons.map(\.got.count).reduce(0, +) > 5, "the viewpoints should find plans falling due")
    }
}
