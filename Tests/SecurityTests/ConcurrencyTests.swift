import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// The races of the threat model. `make test` runs them once; `make stress` runs them 20 times.
@Suite("Security: concurrency", .serialized)
struct ConcurrencyTests {
    @Test(
        "Writers racing to create the same stream: one wins, the others get wrong-expected-version, never a raw error")
    func streamCreationRace() async throws {
        let database = try TestDatabase()
        let conninfo = database.conninfo
        let superuser = try database.connect()
        let rounds = 40
        let writers = 6
        // Codes are allocated up front: each round's writers all try to create its drill stream.
        for _ in 0..<rounds { _ = try superuser.query("SELECT planner.next_code('D')") }
        _ = try superuser.query("SELECT planner.next_code('P')")
        var wins = 0
        for round in 1...rounds {
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<writers {
                    group.addTask {
                        try await onThread { try Self.create(conninfo, round: round) }
                    }
                }
                var all: [String] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.filter { $0 == "won" }.count == 1, "round \(round): \(outcomes)")
            #expect(outcomes.allSatisfy { $0 == "won" || $0 == "lost" }, "round \(round): \(outcomes)")
            wins += outcomes.filter { $0 == "won" }.count
        }
        #expect(wins == rounds)
        #expect(try EventStore(connection: superuser).verify().isEmpty)
    }

    /// One writer's attempt to create a round's drill stream: "won", "lost" or the error.
    static func create(_ conninfo: String, round: Int) throws -> String {
        let store = EventStore(connection: try Connection(conninfo: conninfo))
        let event = NewEvent(
            type: "DrillConducted", data: #"{"code": "D-\#(round)", "plan": "P-1", "on": "2017-07-01"}"#
        )
        do {
            try store.append([event], to: "drill:D-\(round)", expected: .noStream)
            return "won"
        } catch EventStoreError.wrongExpectedVersion(_, _, let actual) where actual == 1 {
            return "lost"
        } catch {
            return "error: \(error)"
        }
    }

    @Test("A seal covers what each street has committed: an append still open is not a false alarm once it commits")
    func lateCommitSeal() throws {
        let database = try TestDatabase()
        try database.registerTestEvents()
        let streets = try database.addStreets(["甲街道", "乙街道"])
        let first = EventStore(connection: try database.connect(street: streets[0]))
        let open = try database.connect(street: streets[1])
        let store = EventStore(connection: try database.connect())
        try first.append([NewEvent(type: "A", data: "{}")], to: "t:before", expected: .noStream)
        try open.execute(script: "BEGIN")
        try EventStore(connection: open).append(
            [NewEvent(type: "late", data: "{}")], to: "t:early", expected: .noStream)
        try first.append([NewEvent(type: "B", data: "{}")], to: "t:other", expected: .noStream)
        let seal = try store.seal()
        #expect(seal.eventCount == 2, "the other street's append is not committed, so not sealed")
        try open.execute(script: "COMMIT")
        #expect(try store.matches(seal), "the late commit does not change what the seal covers")
        #expect(try store.verify().isEmpty)
        let later = try store.seal()
        #expect(later.eventCount == 3)
        #expect(try store.seal() == later, "the same log gives the same seal")
        #expect(Seal(later.description) == later)
        let second = try store.seal(streets: [streets[1]])
        #expect(second.eventCount == 1 && second.description.hasPrefix("vigil-seal-v3:\(streets[1]).1:1:"))
        #expect(try store.matches(second))
    }

    @Test("Seals written before streets (formats 1 and 2) still verify after the migration, and still catch a change")
    func sealsFromBeforeStreets() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        try Migrator(migrations: Migration.all.filter { $0.version < 13 }).migrate(connection)
        try database.registerTestEvents()
        let old = EventStore(connection: connection)
        try old.append([NewEvent(type: "A", data: #"{"n": 1}"#)], to: "t:a", expected: .noStream)
        try old.append([NewEvent(type: "B", data: "{}")], to: "t:b", expected: .noStream)
        // The seals the version before streets printed, computed as it computed them.
        let row = try #require(
            try connection.query(
                """
                SELECT encode(sha256(string_agg(hash, ''::bytea ORDER BY position)), 'hex') AS digest,
                       max(position) AS last, (max(transaction_id)::text::bigint + 1) AS horizon
                  FROM vigil.events
                """
            ).first)
        let (digest, last, horizon) = (
            try row.decode("digest", as: String.self), try row.decode("last", as: Int64.self),
            try row.decode("horizon", as: Int64.self)
        )
        let v1 = try #require(Seal("vigil-seal-v1:\(last):2:\(digest)"))
        let v2 = try #require(Seal("vigil-seal-v2:\(horizon):\(last):2:\(digest)"))

        try Migrator().migrate(connection)
        let store = EventStore(connection: try database.connect())
        #expect(try store.matches(v1) && store.matches(v2))
        let streets = try database.addStreets(["甲街道", "乙街道"])
        try EventStore(connection: try database.connect(street: streets[1])).append(
            [NewEvent(type: "A", data: "{}")], to: "t:a", expected: .noStream)
        #expect(try store.matches(v1) && store.matches(v2), "a new street's positions lie outside the old seals")
        #expect(try store.verify().isEmpty, "format-1 chains verify beside format-2 ones")
        try store.connection.execute(
            script: """
                ALTER TABLE vigil.events DISABLE TRIGGER events_append_only;
                UPDATE vigil.events SET hash = sha256(hash) WHERE stream_id = 't:a' AND street = 1;
                ALTER TABLE vigil.events ENABLE ALWAYS TRIGGER events_append_only;
                """)
        #expect(try store.matches(v1) == false)
        #expect(try store.matches(v2) == false)
        let problems = try store.verify()
        #expect(problems.first?.kind == .altered && problems.allSatisfy { $0.street == "甲街道" }, "\(problems)")
    }

    @Test("A rebuild blocks no reader, and a writer that read a projection first waits for it without deadlock")
    func rebuildUnderReadersAndWriters() async throws {
        let database = try TestDatabase()
        let shell = ShellHarness(try database.connect(), today: "2017-06-30")
        for n in 1...20 {
            #expect(shell.run("community add 社区\(n)") == .ok)
        }
        let conninfo = database.conninfo
        let rebuilder = try database.connect()
        try rebuilder.execute(script: "BEGIN")
        try rebuilder.query("SELECT vigil.rebuild('planner')")

        // A reader is not blocked: it sees the old rows at once.
        let reader = try database.connect()
        try reader.execute(script: "SET statement_timeout = '2s'")
        #expect(try reader.query("SELECT count(*) AS n FROM planner.communities").first?.decode("n") == 20)

        // A writer that read a projection table, then appends: it waits for the rebuild.
        let writer = Task {
            try await onThread { () throws -> String in
                let connection = try Connection(conninfo: conninfo)
                try connection.execute(script: "SET lock_timeout = '20s'; BEGIN")
                _ = try connection.query("SELECT count(*) FROM planner.communities")
                let harness = ShellHarness(connection, today: "2017-06-30")
                let outcome = harness.run("community add 社区21")
                try connection.execute(script: "COMMIT")
                return outcome == .ok ? "ok" : harness.errors
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(try reader.query("SELECT count(*) AS n FROM planner.communities").first?.decode("n") == 20)
        try rebuilder.execute(script: "COMMIT")
        #expect(try await writer.value == "ok")
        #expect(try reader.query("SELECT count(*) AS n FROM planner.communities").first?.decode("n") == 21)
    }
}
