import Foundation
import Planner
import PlannerStore
import Postgres
import Shell
import TestSupport
import Testing

/// `drills overdue` against a small independent reference computation, over random histories:
/// plans with random cadences and start dates, drills held on random dates (some after the
/// as-of date), retirements and unit closures.
@Suite("Drill obligations match a reference computation", .serialized)
struct OverduePropertyTests {
    struct PlanFacts {
        var code: String
        var start: LocalDate
        var months: Int
        var retired: LocalDate?
        var unitClosed: LocalDate?
        var drills: [LocalDate] = []
    }

    /// DESIGN.md's rule, written independently of the SQL: due = last drill on or before the
    /// as-of date (or the start) + cadence; in force when started, not retired, unit not closed.
    static func reference(_ plans: [PlanFacts], asOf: LocalDate) -> [String: (due: LocalDate, days: Int)] {
        var result: [String: (LocalDate, Int)] = [:]
        for plan in plans where plan.start <= asOf {
            if let retired = plan.retired, retired <= asOf { continue }
            if let closed = plan.unitClosed, closed <= asOf { continue }
            let last = plan.drills.filter { $0 <= asOf }.max() ?? plan.start
            var components = last.parts
            components.month += plan.months
            while components.month > 12 {
                components.month -= 12
                components.year += 1
            }
            let day = min(components.day, LocalDate.daysIn(year: components.year, month: components.month))
            let due = LocalDate(year: components.year, month: components.month, day: day) ?? last
            result[plan.code] = (due, due.days(until: asOf))
        }
        return result
    }

    @Test("Random histories give the reference's due dates and days overdue", arguments: [11, 23, 37] as [UInt64])
    func randomHistories(seed: UInt64) throws {
        var random = Workload(seed: seed)
        let database = try TestDatabase()
        let shell = ShellHarness(try database.connect(), today: "2019-12-31")
        try #require(shell.run("community add 社区") == .ok)
        let epoch = LocalDate(year: 2017, month: 1, day: 1) ?? LocalDate(dayNumber: 0)
        var plans: [PlanFacts] = []
        for index in 0..<12 {
            let unit = "单位\(index)"
            try #require(shell.run("unit add \(unit) --community 社区 --kind enterprise") == .ok, "\(shell.errors)")
            // Month ends on purpose: 31 January + 1 month is the end of February.
            let start =
                index % 3 == 0
                ? (LocalDate(year: 2017, month: 1, day: 31) ?? epoch) : epoch.adding(days: random.next(500))
            let months = [1, 2, 3, 6, 12][random.next(5)]
            try #require(
                shell.run("plan add 预案\(index) --unit \(unit) --level special --every \(months)m --from \(start)")
                    == .ok)
            var facts = PlanFacts(code: "P-\(index + 1)", start: start, months: months)
            for _ in 0..<random.next(5) {
                let day = start.adding(days: random.next(900))
                if shell.run("drill record \(facts.code) --on \(day)") == .ok { facts.drills.append(day) }
            }
            if random.next(4) == 0 {
                let retired = start.adding(days: 100 + random.next(700))
                try #require(shell.run("plan retire \(facts.code) --on \(retired)") == .ok, "\(shell.errors)")
                facts.retired = retired
            } else if random.next(5) == 0 {
                let closed = start.adding(days: 100 + random.next(700))
                try #require(
                    shell.run(
                        "unit close \(unit) --on \(min(closed, LocalDate(year: 2019, month: 12, day: 31) ?? closed))")
                        == .ok)
                facts.unitClosed = min(closed, LocalDate(year: 2019, month: 12, day: 31) ?? closed)
            }
            plans.append(facts)
        }
        let store = PlannerStore(connection: try database.connect())
        for _ in 0..<15 {
            let asOf = epoch.adding(days: random.next(1100))
            let want = Self.reference(plans, asOf: asOf)
            let got = try store.drillObligations(AsOf(date: asOf))
            #expect(Set(got.map(\.plan)) == Set(want.keys), "plans in force as of \(asOf)")
            for row in got {
                #expect(row.obligation.due == want[row.plan]?.due, "\(row.plan) due as of \(asOf)")
                #expect(row.obligation.daysOverdue == want[row.plan]?.days, "\(row.plan) days as of \(asOf)")
            }
        }
    }
}
