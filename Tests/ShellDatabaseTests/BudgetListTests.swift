import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// `budget list` through the shell and the database: the latest setting of a line counts, and
/// the list asked as recorded at an earlier instant shows the budget and spending of then.
@Suite("Budget lines in the database", .serialized)
struct BudgetListTests {
    let database: TestDatabase
    let shell: ShellHarness

    init() throws {
        database = try TestDatabase()
        shell = ShellHarness(try database.connect(), format: .json, today: "2017-12-31")
    }

    func list(_ line: String = "budget list --year 2017") throws -> String {
        shell.clear()
        try #require(shell.run(line) == .ok, "\(shell.errors)")
        return shell.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("A line set again shows its latest amount; as recorded before, the earlier one")
    func recordedAsOf() throws {
        try #require(shell.run("budget set 安全生产 --year 2017 --amount 60000") == .ok, "\(shell.errors)")
        try #require(shell.run("expense record 安全生产 --on 2017-03-15 --amount 0.1") == .ok, "\(shell.errors)")
        Thread.sleep(forTimeInterval: 1.1)
        let instant = try #require(
            try database.connect().query(
                "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"+00:00\"') AS t"
            ).first?.decode("t", as: String.self))
        Thread.sleep(forTimeInterval: 1.1)
        for line in [
            "budget set 安全生产 --year 2017 --amount 80000", "expense record 安全生产 --on 2017-03-16 --amount 0.2",
            "budget set 消防 --year 2017 --amount 100", "expense record 消防 --on 2017-04-01 --amount 100.01",
        ] {
            try #require(shell.run(line) == .ok, "\(line): \(shell.errors)")
        }
        #expect(
            try list()
                == #"[{"line":"安全生产","budget":"80000.00","spent":"0.30","remaining":"79999.70","over_spent":false},"#
                + #"{"line":"消防","budget":"100.00","spent":"100.01","remaining":"-0.01","over_spent":true},"#
                + #"{"line":"total","budget":"80100.00","spent":"100.31","remaining":"79999.69","over_spent":false}]"#)
        try #require(shell.run("set recorded-as-of \(instant)") == .ok, "\(shell.errors)")
        #expect(
            try list()
                == #"[{"line":"安全生产","budget":"60000.00","spent":"0.10","remaining":"59999.90","over_spent":false},"#
                + #"{"line":"total","budget":"60000.00","spent":"0.10","remaining":"59999.90","over_spent":false}]"#)
    }

    @Test("Spending counts up to the as-of date, and a year with no budget lists nothing")
    func asOfDate() throws {
        for line in [
            "budget set 安全生产 --year 2017 --amount 80000", "expense record 安全生产 --on 2017-03-15 --amount 10",
            "expense record 安全生产 --on 2017-09-15 --amount 20",
        ] {
            try #require(shell.run(line) == .ok, "\(line): \(shell.errors)")
        }
        try #require(shell.run("set today 2017-06-30") == .ok, "\(shell.errors)")
        #expect(try list().contains(#""spent":"10.00""#))
        #expect(try list("budget list --year 2018") == "[]")
        #expect(try list("budget list").contains(#""budget":"80000.00""#))
    }
}
