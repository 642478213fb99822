import Foundation
import Planner
import Postgres

extension PlannerStore {
    /// A year's budget lines in the order they were first set: the latest amount set for each,
    /// and the expenses dated in the year up to the as-of date and not retracted, as the log
    /// stood at `asOf.recorded`.
    public func budgetLines(_ asOf: AsOf, year: Int) throws -> [BudgetLine] {
        let street = try currentStreet()
        let rows = try connection.query(
            """
            WITH latest AS (
                SELECT DISTINCT ON (b.line) b.line, b.amount, min(b.position) OVER (PARTITION BY b.line) AS first
                  FROM planner.budgets b
                 WHERE b.street = \(street) AND b.year = \(year)::integer
                   AND b.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                 ORDER BY b.line, b.position DESC
            ), spent AS (
                SELECT x.line, sum(x.amount) AS amount FROM planner.expenses x
                 WHERE x.street = \(street)
                   AND x.on_date BETWEEN make_date(\(year)::integer, 1, 1) AND make_date(\(year)::integer, 12, 31)
                   AND x.on_date <= \(asOf.dateText)::date
                   AND x.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                   -- A retracted expense counts until its retraction was recorded.
                   AND NOT coalesce(x.retracted_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity'), false)
                 GROUP BY x.line
            )
            SELECT l.line, l.amount::text AS budget, coalesce(s.amount, 0)::numeric(14, 2)::text AS spent
              FROM latest l LEFT JOIN spent s ON s.line = l.line
             ORDER BY l.first
            """)
        return try rows.rows.map { row in
            BudgetLine(
                line: try row.decode("line"), budget: try row.yuan("budget"), spent: try row.yuan("spent"))
        }
    }

    /// A year's targets as the log stood at `asOf.recorded` (100 % where none was set).
    public func targets(_ asOf: AsOf, year: Int) throws -> Targets {
        let street = try currentStreet()
        let rows = try connection.query(
            """
            SELECT DISTINCT ON (t.indicator) t.indicator, t.percent FROM planner.targets t
             WHERE t.street = \(street) AND t.year = \(year)::integer
               AND t.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
             ORDER BY t.indicator, t.position DESC
            """)
        var targets = Targets(year: year)
        for row in rows.rows {
            targets.percents[try row.choice("indicator", Indicator.self)] = try row.decode("percent", as: Int.self)
        }
        return targets
    }
}

extension Row {
    /// A `numeric` column read as text into exact yuan; anything else is an error, not a guess.
    func yuan(_ column: String) throws -> Yuan {
        let text = try decode(column, as: String.self)
        do {
            return try Yuan(text)
        } catch {
            throw PostgresError(kind: .client, message: "column \(column) is not an amount: \(text)")
        }
    }
}
