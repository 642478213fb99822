import EventStore
import Foundation
import Planner
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// `drill correct` and `finding correct` on a database: every report uses the corrected value,
/// asked as the log stood before the correction it gives the old one, `history` shows both
/// with the reason, and a refused correction writes nothing.
@Suite("Corrections and their as-recorded view", .serialized)
struct CorrectionTests {
    let database: TestDatabase
    let shell: ShellHarness
    let store: EventStore

    /// 江岸小学 (江岸社区; 汉水湾社区 is the other community) and its P-1 owing a drill a month
    /// from 2017-03-01; D-1 was held on 2017-04-06 with 800 people; I-1 of 2017-04-10 found F-1,
    /// due 2017-04-20; 安全生产 has a budget of 80,000 for 2017 and E-1 spent 100 on it.
    init() throws {
        database = try TestDatabase()
        shell = ShellHarness(try database.connect(), format: .json, today: "2017-06-30")
        store = EventStore(connection: try database.connect())
        for line in [
            "community add 江岸社区", "community add 汉水湾社区",
            "unit add 江岸小学 --community 江岸社区 --kind primary-school",
            "plan add 疏散预案 --unit 江岸小学 --level special --every 1m --from 2017-03-01",
            "drill record P-1 --on 2017-04-06 --participants 800",
            "inspection record 江岸小学 --on 2017-04-10 --kind fire",
            "finding add I-1 疏散通道堵塞 --severity general --due 2017-04-20",
            "budget set 安全生产 --year 2017 --amount 80000", "expense record 安全生产 --on 2017-03-15 --amount 100",
        ] {
            try #require(shell.run(line) == .ok, "\(line): \(shell.errors)")
        }
    }

    /// The report's rows as JSON objects, asked as of `date` as the log stood at `instant`.
    func rows(_ command: String, asOf date: String, recordedAsOf instant: Date? = nil) throws -> [[String: Any]] {
        shell.runner.session.todayOverride = LocalDate(date)
        shell.runner.session.recordedAsOf = instant
        defer { shell.runner.session.recordedAsOf = nil }
        shell.clear()
        try #require(shell.run(command) == .ok, "\(command): \(shell.errors)")
        let json = try JSONSerialization.jsonObject(with: Data(shell.output.utf8))
        return try #require(json as? [[String: Any]])
    }

    func lastRecorded(_ stream: String) throws -> Date {
        try #require(try store.read(stream: stream).last?.recordedAt)
    }

    /// Runs a command that must be refused and checks that nothing was written.
    func refused(_ line: String, saying fragment: String) throws {
        let before = try store.seal()
        shell.clear()
        #expect(shell.run(line) == .refused, "\(line) should be refused")
        #expect(shell.errors.contains(fragment), "\(line): \(shell.errors)")
        #expect(try store.seal() == before, "\(line) wrote something")
    }

    @Test("A drill's corrected date and head count: every report uses them, and before the correction the old ones")
    func drillCorrection() throws {
        let before = try lastRecorded("drill:D-1")
        try #require(
            shell.run("drill correct D-1 --on 2017-04-05 --participants 812 --reason 登记日期有误") == .ok, "\(shell.errors)")
        let after = try lastRecorded("drill:D-1")

        let list = try rows("drills list", asOf: "2017-06-30")
        #expect(list.first?["conducted_on"] as? String == "2017-04-05")
        #expect(list.first?["participants"] as? Int == 812)
        let old = try rows("drills list", asOf: "2017-06-30", recordedAsOf: before)
        #expect(old.first?["conducted_on"] as? String == "2017-04-06")
        #expect(old.first?["participants"] as? Int == 800)
        let atCorrection = try rows("drills list", asOf: "2017-06-30", recordedAsOf: after)
        #expect(atCorrection.first?["conducted_on"] as? String == "2017-04-05")

        // Due a month after the last drill: 2017-05-05 now, 2017-05-06 as recorded before.
        let overdue = try rows("drills overdue", asOf: "2017-06-30")
        #expect(overdue.first?["due"] as? String == "2017-05-05")
        #expect(overdue.first?["days_overdue"] as? Int == 56)
        let oldOverdue = try rows("drills overdue", asOf: "2017-06-30", recordedAsOf: before)
        #expect(oldOverdue.first?["due"] as? String == "2017-05-06")
        #expect(oldOverdue.first?["days_overdue"] as? Int == 55)
        // As of 2017-04-05 the drill was held (corrected); as recorded before, not yet, so the
        // plan was 4 days past its first due date (2017-04-01).
        #expect(try rows("drills overdue", asOf: "2017-04-05").isEmpty)
        let unheld = try rows("drills overdue", asOf: "2017-04-05", recordedAsOf: before)
        #expect(unheld.first?["due"] as? String == "2017-04-01")
        #expect(unheld.first?["days_overdue"] as? Int == 4)

        // history shows the original and the correction, with its reason.
        shell.clear()
        try #require(shell.run("history D-1") == .ok)
        let history = try #require(
            try JSONSerialization.jsonObject(with: Data(shell.output.utf8)) as? [[String: Any]])
        #expect(history.map { $0["type"] as? String } == ["DrillConducted", "DrillCorrected"])
        #expect((history.last?["data"] as? String)?.contains("登记日期有误") == true)

        // A rebuild gives the same answers.
        try EventStore(connection: try database.connect()).rebuild(projection: "planner")
        #expect(
            try rows("drills list", asOf: "2017-06-30", recordedAsOf: before).first?["conducted_on"] as? String
                == "2017-04-06")
        #expect(try rows("drills overdue", asOf: "2017-06-30").first?["due"] as? String == "2017-05-05")
    }

    @Test("A drill correction that changes nothing, or contradicts the record, is refused and writes nothing")
    func refusedDrillCorrections() throws {
        try refused("drill correct D-1 --reason 无", saying: "nothing to correct")
        try refused("drill correct D-1 --participants 800 --reason 无", saying: "nothing to correct")
        try refused("drill correct D-1 --on 2017-02-28 --reason 无", saying: "before P-1 took effect")
        try refused("drill correct D-1 --on 2017-07-01 --reason 无", saying: "2017-07-01")
        try refused("drill correct D-9 --on 2017-04-01 --reason 无", saying: "D-9")
        try #require(shell.run("drill schedule P-1 --on 2017-05-10") == .ok)
        try refused("drill correct D-2 --on 2017-05-11 --reason 无", saying: "drill reschedule")
    }

    @Test("A finding's corrected deadline and severity: reports use them, and before the correction the old ones")
    func findingCorrection() throws {
        let before = try lastRecorded("finding:F-1")
        try #require(
            shell.run("finding correct F-1 --due 2017-05-20 --severity major --reason 整改期限填错") == .ok,
            "\(shell.errors)")

        #expect(try rows("findings --overdue", asOf: "2017-05-01").isEmpty)
        let old = try rows("findings --overdue", asOf: "2017-05-01", recordedAsOf: before)
        #expect(old.first?["due"] as? String == "2017-04-20")
        #expect(old.first?["days_overdue"] as? Int == 11)
        #expect(old.first?["severity"] as? String == "general")
        let now = try rows("findings", asOf: "2017-05-01")
        #expect(now.first?["due"] as? String == "2017-05-20")
        #expect(now.first?["severity"] as? String == "major")

        let stats = try rows("findings stats --year 2017", asOf: "2017-06-30")
        #expect(stats.first?["major_found"] as? Int == 1)
        let oldStats = try rows(
            "findings stats --year 2017", asOf: "2017-06-30", recordedAsOf: before)
        #expect(oldStats.first?["general_found"] as? Int == 1)

        try refused("finding correct F-1 --due 2017-04-09 --reason 无", saying: "before the finding")
        try refused("finding correct F-1 --due 2017-05-20 --reason 无", saying: "nothing to correct")
    }

    @Test("A unit moved to its own community: reports by community follow it, and before the move the old one")
    func unitMove() throws {
        // The last record before the move (the unit's own was recorded before its plan).
        let before = try lastRecorded("expense:E-1")
        try #require(shell.run("unit move 江岸小学 --community 汉水湾社区 --reason 登记社区有误") == .ok, "\(shell.errors)")

        #expect(try rows("drills overdue --community 江岸社区", asOf: "2017-06-30").isEmpty)
        #expect(try rows("drills overdue --community 汉水湾社区", asOf: "2017-06-30").count == 1)
        let old = try rows("drills overdue --community 江岸社区", asOf: "2017-06-30", recordedAsOf: before)
        #expect(old.first?["community"] as? String == "江岸社区")
        #expect(try rows("findings", asOf: "2017-06-30").first?["community"] as? String == "汉水湾社区")
        #expect(
            try rows("findings", asOf: "2017-06-30", recordedAsOf: before).first?["community"] as? String == "江岸社区")
        #expect(try rows("drills list --community 汉水湾社区", asOf: "2017-06-30").count == 1)
        #expect(try rows("drills list --community 汉水湾社区", asOf: "2017-06-30", recordedAsOf: before).isEmpty)
        let stats = try rows("findings stats --year 2017", asOf: "2017-06-30")
        #expect(stats.map { $0["general_found"] as? Int } == [0, 1])
        let oldStats = try rows("findings stats --year 2017", asOf: "2017-06-30", recordedAsOf: before)
        #expect(oldStats.map { $0["general_found"] as? Int } == [1, 0])

        try refused("unit move 江岸小学 --community 新港社区 --reason 有误", saying: "no community 新港社区")
        try refused("unit move 江岸小学 --community 汉水湾社区 --reason 有误", saying: "already in 汉水湾社区")
        try refused("unit move 桃源小学 --community 江岸社区 --reason 有误", saying: "桃源小学")
    }

    @Test("A retracted expense counts no more, and before the retraction it still does; it is retracted once")
    func expenseRetraction() throws {
        let before = try lastRecorded("expense:E-1")
        try #require(shell.run("expense retract E-1 --reason 重复登记") == .ok, "\(shell.errors)")
        #expect(try rows("budget list --year 2017", asOf: "2017-06-30").first?["spent"] as? String == "0.00")
        #expect(
            try rows("budget list --year 2017", asOf: "2017-06-30", recordedAsOf: before).first?["spent"] as? String
                == "100.00")
        shell.clear()
        try #require(shell.run("history E-1") == .ok)
        #expect(shell.output.contains("ExpenseRetracted") && shell.output.contains("重复登记"))
        try refused("expense retract E-1 --reason 重复登记", saying: "E-1 was already retracted")
        try refused("expense retract E-9 --reason 重复登记", saying: "E-9")
    }

    @Test("A plan's corrected cadence and start: drills overdue uses them, and before the correction the old ones")
    func planCorrection() throws {
        let before = try lastRecorded("expense:E-1")
        try #require(
            shell.run("plan correct P-1 --every 3m --level comprehensive --reason 周期登记有误") == .ok, "\(shell.errors)")
        // Last drill 2017-04-06: due 2017-07-06 every three months, 2017-05-06 every month.
        #expect(try rows("drills overdue", asOf: "2017-06-30").isEmpty)
        #expect(try rows("drills due --within 10d", asOf: "2017-06-30").first?["due"] as? String == "2017-07-06")
        let old = try rows("drills overdue", asOf: "2017-06-30", recordedAsOf: before)
        #expect(old.first?["due"] as? String == "2017-05-06")

        try refused("plan correct P-1 --from 2017-04-07 --reason 有误", saying: "held on 2017-04-06")
        try refused("plan correct P-1 --every 3m --reason 有误", saying: "nothing to correct")
        try refused("plan correct P-1 --every 10d --reason 有误", saying: "months")

        // A start moved earlier: in force, and owing, from then; before the correction, not yet.
        let moved = try lastRecorded("plan:P-1")
        try #require(shell.run("plan correct P-1 --from 2017-01-01 --reason 生效日期有误") == .ok, "\(shell.errors)")
        #expect(try rows("drills overdue", asOf: "2017-04-05").first?["due"] as? String == "2017-04-01")
        #expect(try rows("drills due --within 90d", asOf: "2017-02-01").first?["due"] as? String == "2017-04-01")
        #expect(try rows("drills due --within 90d", asOf: "2017-02-01", recordedAsOf: moved).isEmpty)
        shell.clear()
        try #require(shell.run("history P-1") == .ok)
        #expect(shell.output.components(separatedBy: "PlanCorrected").count == 3)
    }
}
