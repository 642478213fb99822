import Testing

@testable import Planner

@Suite("Yuan: exact amounts")
struct YuanTests {
    @Test(
        "Amounts are read as written, to the fen",
        arguments: [
            ("80000", 8_000_000), ("12345.67", 1_234_567), ("0.5", 50), ("0.05", 5), ("0", 0), ("007", 700),
            ("999999999999.99", 99_999_999_999_999),
        ] as [(String, Int64)])
    func parse(text: String, fen: Int64) throws {
        #expect(try Yuan(text).fen == fen)
    }

    @Test(
        "Anything but yuan with at most two decimals is refused, naming the word",
        arguments: [
            ("-5", "not an amount"), ("1.234", "more than two decimals"), ("1e9", "not an amount"),
            ("abc", "not an amount"), ("", "not an amount"), (".5", "not an amount"), ("5.", "not an amount"),
            ("1,000", "not an amount"), ("+5", "not an amount"), (" 5", "not an amount"), ("１２", "not an amount"),
            ("1000000000000", "too large"), ("99999999999999999999999", "too large"), ("NaN", "not an amount"),
        ])
    func refuse(text: String, says: String) {
        #expect {
            try Yuan(text)
        } throws: { error in
            guard let error = error as? DomainError else { return false }
            return error.english.contains("\"\(text)\"") && error.english.contains(says)
                && error.chinese.contains("“\(text)”")
        }
    }

    @Test(
        "Plain for storage, JSON and CSV; thousands separators for tables",
        arguments: [
            (8_000_000, "80000.00", "80,000.00"), (100_274_121, "1002741.21", "1,002,741.21"), (5, "0.05", "0.05"),
            (0, "0.00", "0.00"), (-274_121, "-2741.21", "-2,741.21"), (100_000_000, "1000000.00", "1,000,000.00"),
            (99_999, "999.99", "999.99"),
        ] as [(Int64, String, String)])
    func format(fen: Int64, plain: String, table: String) throws {
        let yuan = Yuan(fen: fen)
        #expect(yuan.description == plain)
        #expect(yuan.formatted == table)
        if fen >= 0 { #expect(try Yuan(plain) == yuan) }
    }

    @Test("0.1 + 0.2 is 0.30 exactly, and a thousand 0.1s make 100.00")
    func arithmetic() throws {
        #expect(try Yuan("0.1") + Yuan("0.2") == Yuan("0.3"))
        #expect(try (Yuan("0.1") + Yuan("0.2")).description == "0.30")
        #expect(try Array(repeating: Yuan("0.1"), count: 1000).sum() == Yuan("100"))
        #expect(try Yuan("80000") - Yuan("80000.01") == Yuan(fen: -1))
    }

    @Test("The 2017 report's lines add up to its totals, to the fen")
    func reportTotals() throws {
        let budgets = try ["80000", "150000", "200000", "120000", "100000", "150000", "120000", "80000"].map(Yuan.init)
        let spent = try [
            "79876.50", "153210.00", "198765.43", "121000.00", "99999.99", "150123.45", "119766.84", "79999.00",
        ].map(Yuan.init)
        #expect(budgets.sum().formatted == "1,000,000.00")
        #expect(spent.sum().formatted == "1,002,741.21")
        let lines = zip(budgets, spent).map { BudgetLine(line: "", budget: $0, spent: $1) }
        let total = BudgetLine.total(lines, line: "total")
        #expect(total.remaining.formatted == "-2,741.21" && total.overSpent)
        #expect(lines.filter(\.overSpent).count == 3)
    }

    @Test("Amounts are JSON strings, and a JSON number is refused")
    func coding() throws {
        let stored = try Event.budgetSet(BudgetSet(line: "安全生产", year: 2017, amount: Yuan("0.5"))).encoded()
        #expect(stored.data.contains(#""amount":"0.50""#))
        #expect(
            try Event.decode(type: "BudgetSet", schemaVersion: 1, data: stored.data)
                == .budgetSet(
                    BudgetSet(line: "安全生产", year: 2017, amount: Yuan(fen: 50))))
    }
}
