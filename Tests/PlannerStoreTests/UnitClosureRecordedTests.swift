import EventStore
import Foundation
import Planner
import PlannerStore
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// A unit closed after the instant a report is asked about is open in that report: the log as
/// it stood then did not hold the closure (DESIGN.md, `set recorded-as-of`).
@Suite("A unit's closure counts from when it was recorded", .serialized)
struct UnitClosureRecordedTests {
    struct Row: Decodable, Equatable {
        var plan: String
        var due: String
        var daysOverdue: Int
    }

    /// 江岸小学 with P-1 owing a drill every month from 2024-01-01, closed on 2024-03-01 by
    /// an entry recorded after the plan; returns the instants the plan and the closure were
    /// recorded at.
    static func closedAfterThePlan(_ shell: ShellHarness, _ connection: Connection) throws -> (
        plan: Date, closure: Date
    ) {
        for line in [
            "community add 江岸社区", "unit add 江岸小学 --community 江岸社区 --kind primary-school",
            "plan add 疏散预案 --unit 江岸小学 --level special --every 1m --from 2024-01-01",
            "unit close 江岸小学 --on 2024-03-01",
        ] {
            try #require(shell.run(line) == .ok, "\(line): \(shell.errors)")
        }
        return try recorded(connection)
    }

    /// The same records appended as the version before migration 0007 appended them: through
    /// vigil.append and the code allocator, with none of the later shell's reads.
    static func closedAfterThePlan(before connection: Connection) throws -> (plan: Date, closure: Date) {
        let store = PlannerStore(connection: connection)
        func append(_ event: Event, to stream: String, at version: Int) throws {
            try store.append([event], to: stream, expectedVersion: version, metadata: EventMetadata())
        }
        try append(.communityAdded(CommunityAdded(name: "江岸社区")), to: "community:江岸社区", at: 0)
        try append(
            .unitAdded(UnitAdded(name: "江岸小学", community: "江岸社区", kind: .primarySchool, keyFireUnit: false)),
            to: "unit:江岸小学", at: 0)
        let code = try store.nextCode("P")
        let (from, closed) = (
            try #require(LocalDate(year: 2024, month: 1, day: 1)), try #require(LocalDate(year: 2024, month: 3, day: 1))
        )
        try append(
            .planAdded(
                PlanAdded(
                    code: code, name: "疏散预案", unit: "江岸小学", level: .special, everyMonths: 1,
                    from: from)), to: "plan:" + code, at: 0)
        try append(.unitClosed(UnitClosed(on: closed)), to: "unit:江岸小学", at: 1)
        return try recorded(connection)
    }

    /// When P-1 and the closure of 江岸小学 were recorded.
    static func recorded(_ connection: Connection) throws -> (plan: Date, closure: Date) {
        func instants(_ stream: String) throws -> [Date] {
            try connection.query(
                "SELECT recorded_at FROM vigil.events WHERE stream_id = \(stream) ORDER BY stream_version"
            )
            .rows.map { try $0.decode("recorded_at", as: Date.self) }
        }
        let plan = try #require(try instants("plan:P-1").first)
        let closure = try #require(try instants("unit:江岸小学").last)
        try #require(plan < closure)
        return (plan, closure)
    }

    static func overdue(_ shell: ShellHarness, recordedAsOf instant: Date?) throws -> [Row] {
        shell.runner.session.todayOverride = LocalDate(year: 2024, month: 6, day: 1)
        shell.runner.session.recordedAsOf = instant
        shell.clear()
        try #require(shell.run("drills overdue") == .ok, "\(shell.errors)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([Row].self, from: Data(shell.output.utf8))
    }

    static let owing = [Row(plan: "P-1", due: "2024-02-01", daysOverdue: 121)]

    @Test("Before the closure was recorded, the plan is 121 days overdue on 2024-06-01; after it, nothing is")
    func closureRecordedLater() throws {
        let database = try TestDatabase()
        let shell = ShellHarness(try database.connect(), format: .json, today: "2024-06-01")
        let recorded = try Self.closedAfterThePlan(shell, try database.connect())
        let beforeClosure = try Self.overdue(shell, recordedAsOf: recorded.plan)
        #expect(beforeClosure == Self.owing)
        let afterClosure = try Self.overdue(shell, recordedAsOf: recorded.closure)
        #expect(afterClosure.isEmpty)
        let wholeLog = try Self.overdue(shell, recordedAsOf: nil)
        #expect(wholeLog.isEmpty)

        // A rebuild (the same projection, replayed) records the closure's instant too.
        try EventStore(connection: try database.connect()).rebuild(projection: "planner")
        let rebuilt = try Self.overdue(shell, recordedAsOf: recorded.plan)
        #expect(rebuilt == Self.owing)
        let rebuiltAfterClosure = try Self.overdue(shell, recordedAsOf: recorded.closure)
        #expect(rebuiltAfterClosure.isEmpty)
    }

    @Test("Migrating a street recorded before the fix rebuilds the projection with the closure's instant")
    func migrationRebuilds() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        try Migrator(migrations: Migration.all.filter { $0.version < 7 }).migrate(connection)
        let recorded = try Self.closedAfterThePlan(before: connection)
        let applied = try Migrator().migrate(connection)
        let shell = ShellHarness(try database.connect(), format: .json, today: "2024-06-01")
        #expect(applied.map(\.fileName).first == "0007_unit_closed_recorded.sql")
        let beforeClosure = try Self.overdue(shell, recordedAsOf: recorded.plan)
        #expect(beforeClosure == Self.owing)
        let afterClosure = try Self.overdue(shell, recordedAsOf: recorded.closure)
        #expect(afterClosure.isEmpty)
    }

    @Test(
        "A database kept before streets migrates with its records in one street, which the first street added takes over"
    )
    func migratesIntoTheFirstStreet() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        try Migrator(migrations: Migration.all.filter { $0.version < 13 }).migrate(connection)
        let recorded = try Self.closedAfterThePlan(before: connection)
        try Migrator().migrate(connection)
        let shell = ShellHarness(try database.connect(), format: .json, today: "2024-06-01")
        #expect(try Self.overdue(shell, recordedAsOf: recorded.plan) == Self.owing, "as before, with no street named")
        shell.clear()
        #expect(shell.run("street list") == .ok && shell.output == "[]\n", "\(shell.output)")
        for line in ["street add 甲街道 --district 硚口区", "street add 乙街道 --district 硚口区", "set street 甲街道"] {
            #expect(shell.run(line) == .ok, "\(line): \(shell.errors)")
        }
        #expect(try Self.overdue(shell, recordedAsOf: recorded.plan) == Self.owing, "the first street's records")
        #expect(shell.run("set street 乙街道") == .ok)
        #expect(try Self.overdue(shell, recordedAsOf: recorded.plan).isEmpty, "a new street starts empty")
    }

    @Test("A rebuild gives every closure of a random street the instant the live projection gave it")
    func rebuildKeepsClosureInstants() async throws {
        let (logged, live, rebuilt) = try await RandomStreet.with(seed: 5) { street in
            let connection = try street.database.connect()
            func closures() throws -> [String: Date?] {
                var closures: [String: Date?] = [:]
                let rows = try connection.query(
                    "SELECT name, closed_on::text AS closed_on, closed_recorded_at FROM planner.units ORDER BY name")
                for row in rows.rows where try row.decode("closed_on", as: String?.self) != nil {
                    closures[try row.decode("name", as: String.self)] = try row.decode(
                        "closed_recorded_at", as: Date?.self)
                }
                return closures
            }
            let logged = street.facts.log.filter { $0.type == "UnitClosed" }.map {
                (unit: String($0.streamID.dropFirst("unit:".count)), recordedAt: $0.recordedAt)
            }
            let live = try closures()
            try EventStore(connection: connection).rebuild(projection: "planner")
            return (logged, live, try closures())
        }
        #expect(!logged.isEmpty, "the history should close units")
        for closure in logged { #expect(live[closure.unit] == closure.recordedAt, "\(closure.unit)") }
        #expect(rebuilt == live)
    }
}
