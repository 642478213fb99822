import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// A hostile user with psql against the budget: amounts the shell would refuse are refused by
/// the database too (VG006), and only supervisors and admins may write budgets, expenses and
/// targets (VG003). Nothing of a refused append is written.
@Suite("Security: budgets, expenses and targets from psql", .serialized)
struct BudgetAuthorityTests: AttackSuite {
    let setup: AttackSetup

    init() throws {
        setup = try AttackSetup(
            prefix: "b",
            lines: ["budget set 安全生产 --year 2017 --amount 80000", "expense record 安全生产 --on 2017-03-15 --amount 100"])
    }

    /// Appends as the connection's user and returns the refusal; nothing may be written.
    func refused(_ connection: Connection, _ stream: String, _ events: String, _ what: String) throws -> PostgresError?
    {
        try refused(what) { try connection.query("SELECT * FROM vigil.append(\(stream), -1, \(events)::jsonb)") }
    }

    static let badAmounts: [(what: String, amount: String)] = [
        ("an exponent", #""1e9""#), ("a negative amount", #""-5""#), ("three decimals", #""1.234""#),
        ("a JSON number", "80000"), ("thousands separators", #""80,000""#), ("thirteen digits", #""1000000000000""#),
        ("an empty string", #""""#), ("a trailing point", #""5.""#), ("NaN", #""NaN""#),
    ]

    @Test("A supervisor with psql cannot store an amount the shell would refuse", arguments: badAmounts)
    func badAmount(_ attack: (what: String, amount: String)) throws {
        let supervisor = try connect("supervisor")
        for (stream, type, data) in [
            ("budget:2017", "BudgetSet", #"{"line": "安全生产", "year": 2017, "amount": \#(attack.amount)}"#),
            (
                "expense:E-1", "ExpenseRecorded",
                #"{"code": "E-1", "line": "安全生产", "on": "2017-03-16", "amount": \#(attack.amount)}"#
            ),
        ] {
            let error = try refused(supervisor, stream, Self.event(type, data), "\(type) with \(attack.what)")
            #expect(error?.sqlState == "VG006", "\(attack.what): \(error?.message ?? "")")
            #expect(error?.message.contains("\(type).amount is not a valid amount") == true, "\(error?.message ?? "")")
        }
    }

    @Test("Years outside 1900–2999, percentages above 100 and unallocated expense codes are refused")
    func badYearsPercentsAndCodes() throws {
        let supervisor = try connect("supervisor")
        let attacks: [(String, String, String, String)] = [
            ("budget:3000", "BudgetSet", #"{"line": "安全生产", "year": 3000, "amount": "1"}"#, "not a valid year"),
            (
                "target:2017", "TargetSet", #"{"indicator": "drills-on-time", "year": 2017, "percent": 101}"#,
                "not a valid percent"
            ),
            (
                "target:2017", "TargetSet", #"{"indicator": "everything", "year": 2017, "percent": 90}"#,
                "not a valid choice"
            ),
            (
                "budget:2018", "BudgetSet", #"{"line": "安全生产", "year": 2017, "amount": "1"}"#,
                "does not match the stream"
            ),
            (
                "expense:E-99", "ExpenseRecorded",
                #"{"code": "E-99", "line": "安全生产", "on": "2017-03-16", "amount": "1"}"#, "never allocated"
            ),
        ]
        for (stream, type, data, says) in attacks {
            let error = try refused(supervisor, stream, Self.event(type, data), "\(type) on \(stream)")
            #expect(error?.sqlState == "VG006", "\(stream): \(error?.message ?? "")")
            #expect(error?.message.contains(says) == true, "\(stream): \(error?.message ?? "")")
        }
    }

    @Test("An inspector cannot write a budget, an expense or a target; a manager cannot append at all")
    func otherRoles() throws {
        let inspector = try connect("inspector")
        _ = try inspector.query("SELECT planner.next_code('E') AS code")
        for (stream, type, data) in [
            ("budget:2017", "BudgetSet", #"{"line": "安全生产", "year": 2017, "amount": "1.00"}"#),
            ("expense:E-2", "ExpenseRecorded", #"{"code": "E-2", "line": "安全生产", "on": "2017-03-16", "amount": "1"}"#),
            ("target:2017", "TargetSet", #"{"indicator": "hazards-closed", "year": 2017, "percent": 90}"#),
        ] {
            let error = try refused(inspector, stream, Self.event(type, data), "\(type) by an inspector")
            #expect(error?.sqlState == "VG003", "\(type): \(error?.sqlState ?? "") \(error?.message ?? "")")
        }
        let manager = try connect("manager")
        let error = try refused(
            manager, "budget:2017",
            Self.event("BudgetSet", #"{"line": "安全生产", "year": 2017, "amount": "1.00"}"#), "BudgetSet by a manager")
        #expect(error?.sqlState == "42501", "\(error?.sqlState ?? "") \(error?.message ?? "")")
    }

    @Test("A well-formed budget from psql is accepted and projected exactly")
    func supervisorMayWrite() throws {
        let supervisor = try connect("supervisor")
        try supervisor.query(
            """
            SELECT * FROM vigil.append('budget:2017', -1,
                \(Self.event("BudgetSet", #"{"line": "消防", "year": 2017, "amount": "12345.6"}"#))::jsonb)
            """)
        let amount = try supervisor.query(
            "SELECT amount::text AS amount FROM planner.budgets WHERE year = 2017 AND line = '消防'"
        ).first?.decode("amount", as: String.self)
        #expect(amount == "12345.60")
    }
}
