import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// Live projections must equal a replay of the log from scratch.
@Suite("Projections equal a from-scratch rebuild", .serialized)
struct RebuildTests {
    /// Every planner table's rows in a stable order, as text.
    static func snapshot(_ connection: Connection) throws -> [String: [String]] {
        let tables = try connection.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'planner' ORDER BY tablename"
        ).rows.map { try $0.decode("tablename", as: String.self) }
        var snapshot: [String: [String]] = [:]
        for table in tables {
            let name = "planner." + Connection.quoteIdentifier(table)
            snapshot[table] = try connection.query("SELECT t::text AS row FROM \(raw: name) t ORDER BY 1").rows.map {
                try $0.decode("row", as: String.self)
            }
        }
        return snapshot
    }

    @Test("After a random workload, rebuilding changes nothing", arguments: [1, 2, 3] as [UInt64])
    func randomWorkload(seed: UInt64) throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        let shell = ShellHarness(connection, today: "2017-12-31")
        var random = Workload(seed: seed)
        for line in random.setup() { try #require(shell.run(line) == .ok, "\(line): \(shell.errors)") }
        var accepted = 0
        for _ in 0..<300 {
            if shell.run(random.nextCommand()) == .ok { accepted += 1 }
        }
        #expect(accepted > 100, "the workload should mostly succeed: \(shell.errors.suffix(500))")

        let live = try Self.snapshot(connection)
        #expect((live["activities"] ?? []).count > 10)
        let replayed = try EventStore(connection: connection).rebuild(projection: "planner")
        #expect(replayed > accepted)
        let rebuilt = try Self.snapshot(connection)
        for table in live.keys.sorted() {
            #expect(live[table] == rebuilt[table], "planner.\(table) differs after a rebuild")
        }
    }
}

/// What a rebuild leaves for the reports that follow it.
@Suite("A rebuild's statistics", .serialized)
struct RebuildStatisticsTests {
    @Test("A rebuild analyzes the tables it rewrote: the planner counts their rows, not the old ones")
    func analyzed() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        let shell = ShellHarness(connection, today: "2017-12-31")
        for line in Workload(seed: 1).setup() { try #require(shell.run(line) == .ok, "\(line): \(shell.errors)") }
        func estimates() throws -> [String: Double] {
            var estimates: [String: Double] = [:]
            for row in try connection.query(
                """
                SELECT relname::text AS name, reltuples FROM pg_class
                 WHERE relnamespace = 'planner'::regnamespace AND relname IN ('communities', 'units', 'plans')
                """
            ).rows {
                estimates[try row.decode("name", as: String.self)] = try row.decode("reltuples", as: Double.self)
            }
            return estimates
        }
        #expect(try estimates() != ["communities": 3, "units": 4, "plans": 4], "never analyzed before the rebuild")
        _ = try EventStore(connection: connection).rebuild(projection: "planner")
        #expect(try estimates() == ["communities": 3, "units": 4, "plans": 4])
    }
}

/// A deterministic mix of commands, valid and not, over a small street.
struct Workload {
    var state: UInt64
    let communities = ["江岸社区", "汉水湾社区", "桃源社区"]
    let units = ["江岸小学", "汉水幼儿园", "桃源机械厂", "桃源商场"]
    let campaigns = ["周宣传", "月宣传", "季宣传", "节日宣传"]

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    func setup() -> [String] {
        communities.map { "community add \($0)" } + [
            "unit add 江岸小学 --community 江岸社区 --kind primary-school",
            "unit add 汉水幼儿园 --community 汉水湾社区 --kind kindergarten",
            "unit add 桃源机械厂 --community 桃源社区 --kind enterprise",
            "unit add 桃源商场 --community 桃源社区 --kind crowded-place --key-fire-unit",
            "campaign define 周宣传 --cadence weekly", "campaign define 月宣传 --cadence monthly",
            "campaign define 季宣传 --cadence quarterly --communities 江岸社区,桃源社区",
            "campaign define 节日宣传 --cadence holiday --window 5d",
        ] + units.enumerated().map { "plan add 预案\($0.offset) --unit \($0.element) --level special --from 2017-01-01" }
    }

    mutating func date() -> String {
        let day = 1 + next(364)
        let date = Calendar(identifier: .gregorian).date(
            byAdding: .day, value: day - 1, to: Date(timeIntervalSince1970: 1_483_228_800 + 43_200))
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date ?? Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 2017, parts.month ?? 1, parts.day ?? 1)
    }

    mutating func nextCommand() -> String {
        let code = 1 + next(12)
        switch next(12) {
        case 0, 1, 2, 3:
            return
                "campaign log \(campaigns[next(4)]) --community \(communities[next(3)]) --on \(date()) --leaflets \(next(500))"
        case 4: return "campaign retract A-\(code * 3) --reason 重复"
        case 5: return "drill schedule P-\(1 + next(4)) --on \(date())"
        case 6: return "drill record D-\(code) --on \(date()) --participants \(next(900))"
        case 7: return "drill record P-\(1 + next(4)) --on \(date())"
        case 8: return "inspection record \(units[next(4)]) --on \(date()) --kind fire"
        case 9:
            return
                "finding add I-\(code) 隐患\(code) --severity \(next(2) == 0 ? "general" : "major") --within \(1 + next(10))wd"
        case 10: return "finding rectify F-\(code) --on \(date())"
        default: return "finding verify F-\(code) --on \(date()) --result \(next(3) == 0 ? "fail" : "pass")"
        }
    }
}
