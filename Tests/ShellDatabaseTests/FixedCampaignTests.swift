import EventStore
import Foundation
import Shell
import ShellHarness
import TestSupport
import Testing

/// Compliance of fixed-day and fixed-month campaigns per community per year, through the shell
/// and the database: SHELL.md's JSON shapes and DESIGN.md's as-of rules.
@Suite("Fixed-day and fixed-month campaigns in the database", .serialized)
struct FixedCampaignTests {
    let database: TestDatabase
    let shell: ShellHarness

    init() throws {
        database = try TestDatabase()
        shell = ShellHarness(try database.connect(), format: .json, today: "2020-01-31")
        let setup = [
            "community add 江岸社区", "community add 汉水湾社区",
            "campaign define 119消防宣传 --cadence fixed-day --on 11-09",
            "campaign define 元旦前宣传 --cadence fixed-day --on 01-03 --communities 江岸社区",
            "campaign define 安全教育日 --cadence fixed-day --on 03-last-mon --window 1d --communities 江岸社区",
            "campaign define 安全生产月 --cadence fixed-month --month 6",
            // 2019: 江岸 on the first day of the window, 汉水湾 a day too early and a day too late.
            "campaign log 119消防宣传 --community 江岸社区 --on 2019-11-02",
            "campaign log 119消防宣传 --community 汉水湾社区 --on 2019-11-01",
            "campaign log 119消防宣传 --community 汉水湾社区 --on 2019-11-10",
            // 2018: both on the day itself.
            "campaign log 119消防宣传 --community 江岸社区 --on 2018-11-09",
            "campaign log 119消防宣传 --community 汉水湾社区 --on 2018-11-09",
            // The window of 2019's 01-03 starts in December 2018.
            "campaign log 元旦前宣传 --community 江岸社区 --on 2018-12-28",
            // The last Monday of March 2019 was the 25th.
            "campaign log 安全教育日 --community 江岸社区 --on 2019-03-25",
            "campaign log 安全生产月 --community 江岸社区 --on 2019-06-16",
            "campaign log 安全生产月 --community 汉水湾社区 --on 2019-07-01",
        ]
        for line in setup {
            try #require(shell.run(line) == .ok, "\(line): \(shell.errors)")
        }
    }

    /// The compliance rows of a question, as JSON objects keyed by community.
    func compliance(_ question: String, today: String) throws -> [String: [String: Any]] {
        shell.clear()
        try #require(shell.run("set today \(today)") == .ok)
        shell.clear()
        try #require(shell.run("compliance \(question) --detail") == .ok, "\(shell.errors)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(shell.output.utf8)) as? [[String: Any]])
        var byCommunity: [String: [String: Any]] = [:]
        for row in rows {
            byCommunity[try #require(row["community"] as? String)] = row
        }
        return byCommunity
    }

    func missing(_ row: [String: Any]?) -> [String] {
        ((row?["missing"] as? [[String: String]]) ?? []).map {
            "\($0["period"] ?? "") \($0["start"] ?? "")..\($0["end"] ?? "")"
        }
    }

    func counts(_ row: [String: Any]?) -> String {
        "\(row?["required"] ?? "-")/\(row?["covered"] ?? "-")"
    }

    @Test("A fixed day is owed once the day has come, and covered by an activity in its window")
    func fixedDayAsOf() throws {
        let before = try compliance("119消防宣传 --year 2019", today: "2019-11-08")
        #expect(counts(before["江岸社区"]) == "0/0" && counts(before["汉水湾社区"]) == "0/0")
        #expect(before["汉水湾社区"]?["rate"] as? Double == 1.0)

        let onTheDay = try compliance("119消防宣传 --year 2019", today: "2019-11-09")
        #expect(counts(onTheDay["江岸社区"]) == "1/1")
        #expect(counts(onTheDay["汉水湾社区"]) == "1/0")
        #expect(missing(onTheDay["汉水湾社区"]) == ["2019 11-09 2019-11-02..2019-11-09"])
        #expect(onTheDay["汉水湾社区"]?["rate"] as? Double == 0.0)

        let lastYear = try compliance("119消防宣传 --year 2018", today: "2019-11-09")
        #expect(counts(lastYear["江岸社区"]) == "1/1" && counts(lastYear["汉水湾社区"]) == "1/1")
    }

    @Test("A range selects the fixed days inside it, counting each year")
    func fixedDayRange() throws {
        let twoYears = try compliance("119消防宣传 --from 2018-01-01 --to 2019-12-31", today: "2020-01-31")
        #expect(counts(twoYears["江岸社区"]) == "2/2")
        #expect(counts(twoYears["汉水湾社区"]) == "2/1")
        #expect(missing(twoYears["汉水湾社区"]) == ["2019 11-09 2019-11-02..2019-11-09"])
        // The day must lie in the range: 2019-11-05 … 2019-11-30 holds the 9th, whose window
        // starts before the range; 2019-11-10 … holds no day.
        let late = try compliance("119消防宣传 --from 2019-11-05 --to 2019-11-30", today: "2020-01-31")
        #expect(counts(late["江岸社区"]) == "1/1")
        let after = try compliance("119消防宣传 --from 2019-11-10 --to 2020-01-31", today: "2020-01-31")
        #expect(counts(after["江岸社区"]) == "0/0")
    }

    @Test("A January day belongs to its year, its window reaching back into December")
    func yearBoundary() throws {
        let year2019 = try compliance("元旦前宣传 --year 2019", today: "2019-01-03")
        #expect(counts(year2019["江岸社区"]) == "1/1")
        #expect(year2019["汉水湾社区"] == nil, "out of the campaign's scope")
        let notYet = try compliance("元旦前宣传 --year 2019", today: "2019-01-02")
        #expect(counts(notYet["江岸社区"]) == "0/0")
        // The December activity does not count for 2018's own 01-03.
        let year2018 = try compliance("元旦前宣传 --year 2018", today: "2019-01-03")
        #expect(missing(year2018["江岸社区"]) == ["2018 01-03 2017-12-27..2018-01-03"])
        let range = try compliance("元旦前宣传 --from 2019-01-01 --to 2019-01-31", today: "2019-12-31")
        #expect(counts(range["江岸社区"]) == "1/1")
    }

    @Test("A weekday rule is labelled with the year's day, its window as given")
    func weekdayRule() throws {
        let year2019 = try compliance("安全教育日 --year 2019", today: "2019-12-31")
        #expect(counts(year2019["江岸社区"]) == "1/1")
        let year2020 = try compliance("安全教育日 --year 2020", today: "2020-12-31")
        #expect(missing(year2020["江岸社区"]) == ["2020 03-30 2020-03-29..2020-03-30"])
    }

    @Test("A fixed month is owed once it has ended, and labelled like a month")
    func fixedMonth() throws {
        let during = try compliance("安全生产月 --year 2019", today: "2019-06-29")
        #expect(counts(during["江岸社区"]) == "0/0")
        let ended = try compliance("安全生产月 --year 2019", today: "2019-06-30")
        #expect(counts(ended["江岸社区"]) == "1/1")
        #expect(counts(ended["汉水湾社区"]) == "1/0")
        #expect(missing(ended["汉水湾社区"]) == ["2019-06 2019-06-01..2019-06-30"])
        let partly = try compliance("安全生产月 --from 2019-06-02 --to 2019-12-31", today: "2020-01-31")
        #expect(counts(partly["江岸社区"]) == "0/0")
    }

    @Test("A retraction uncovers the day; a rebuild answers the same; a manager may ask")
    func retractionRebuildAndManager() throws {
        shell.clear()
        #expect(shell.run("campaign retract A-1 --reason 录入错误") == .ok, "\(shell.errors)")
        let retracted = try compliance("119消防宣传 --year 2019", today: "2019-12-31")
        #expect(counts(retracted["江岸社区"]) == "1/0")

        let summaryBefore = try summary()
        let connection = try database.connect()
        _ = try EventStore(connection: connection).rebuild(projection: "planner")
        #expect(try summary() == summaryBefore)

        let name = "t\(String(UUID().uuidString.prefix(8)).lowercased())_manager"
        shell.clear()
        #expect(shell.run("user add \(name) --role manager") == .ok, "\(shell.errors)")
        let manager = ShellHarness(try database.connect(as: name), format: .json, today: "2019-12-31")
        #expect(manager.run("compliance summary --year 2019") == .ok, "\(manager.errors)")
        #expect(manager.output == summaryBefore)
    }

    func summary() throws -> String {
        shell.clear()
        try #require(shell.run("set today 2019-12-31") == .ok)
        shell.clear()
        try #require(shell.run("compliance summary --year 2019") == .ok, "\(shell.errors)")
        return shell.output
    }

    @Test("campaign list shows each cadence's day or month and window")
    func campaignList() throws {
        shell.clear()
        try #require(shell.run("campaign list") == .ok)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(shell.output.utf8)) as? [[String: Any]])
        let shapes = rows.map { row in
            "\(row["campaign"] ?? "") \(row["cadence"] ?? "") \(row["on"] ?? "") \(row["window_days"] ?? "")"
        }
        #expect(
            shapes == [
                "119消防宣传 fixed-day 11-09 7", "元旦前宣传 fixed-day 01-03 7", "安全教育日 fixed-day 03-last-mon 1",
                "安全生产月 fixed-month 6 <null>",
            ])
    }

    @Test("rules shows the campaign that keeps each publicity day, and those flags define it")
    func rulesGiveTheCampaign() throws {
        shell.clear()
        try #require(shell.run("rules") == .ok)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(shell.output.utf8)) as? [[String: Any]])
        let campaigns = rows.compactMap { row in
            (row["campaign"] as? String).map { (row["rule"] as? String ?? "", $0) }
        }
        #expect(campaigns.contains { $0 == ("CN-FIRE-DAY", "--cadence fixed-day --on 11-09 --window 7d") })
        #expect(campaigns.contains { $0 == ("CN-SAFETY-MONTH", "--cadence fixed-month --month 6") })
        #expect(campaigns.count >= 10)
        for (rule, flags) in campaigns {
            shell.clear()
            #expect(shell.run("campaign define \(rule) \(flags)") == .ok, "\(rule): \(shell.errors)")
        }
    }

    @Test(
        "Mistakes in the day or month are refused, naming the word",
        arguments: [
            ("campaign define 日 --cadence fixed-day --on 02-29", "\"02-29\""),
            ("campaign define 日 --cadence fixed-day --on 11-31", "\"11-31\""),
            ("campaign define 日 --cadence fixed-day --on 03-5th-mon", "\"03-5th-mon\""),
            ("campaign define 日 --cadence fixed-day", "--on MM-DD"),
            ("campaign define 月 --cadence fixed-month --month 13", "\"13\""),
            ("campaign define 月 --cadence fixed-month", "--month M"),
            ("campaign define 月 --cadence monthly --month 6", "--month goes with --cadence fixed-month"),
            ("campaign define 月 --cadence fixed-month --month 6 --window 7d", "whole month"),
        ])
    func refusals(line: String, fragment: String) throws {
        shell.clear()
        #expect(shell.run(line) == .refused)
        #expect(shell.errors.contains(fragment), "\(shell.errors)")
    }
}
