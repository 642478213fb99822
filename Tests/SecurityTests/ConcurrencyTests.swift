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

    @Test("A seal taken while an earlier append is still open is not a false alarm once it commits")
    func lateCommitSeal() throws {
        let database = try TestDatabase()
        try database.registerTestEvents()
        let early = try database.connect()
        let other = try database.connect()
        let store = EventStore(connection: try database.connect())
        try store.append([NewEvent(type: "A", data: "{}")], to: "t:before", expected: .noStream)
        try early.execute(script: "BEGIN")
        try EventStore(connection: early).append(
            [NewEvent(type: "late", data: "{}")], to: "t:early", expected: .noStream)
        try EventStore(connection: other).append([NewEvent(type: "B", data: "{}")], to: "t:other", expected: .noStream)
        let seal = try store.seal()
        #expect(seal.eventCount == 1, "the seal stops at the horizon: only the event before the open transaction")
        try early.execute(script: "COMMIT")
        #expect(try store.matches(seal), "the late commit does not change what the seal covers")
        #expect(try store.verify().isEmpty)
        let later = try store.seal()
        #expect(later.eventCount == 3)
        #expect(try store.seal() == later, "the same log gives the same seal")
        #expect(Seal(later.description) == later)
    }

    @Test("A seal written in format 1 still verifies, and still catches a change")
    func formatOneSeal() throws {
        let database = try TestDatabase()
        try database.registerTestEvents()
        let store = EventStore(connection: try database.connect())
        try store.append([NewEvent(type: "A", data: #"{"n": 1}"#)], to: "t:a", expected: .noStream)
        let digest = try #require(
            try store.connection.query(
                "SELECT encode(sha256(string_agg(hash, ''::bytea ORDER BY position)), 'hex') AS d FROM vigil.events"
            ).first?.decode("d", as: String.self))
        let position = try #require(try store.read(stream: "t:a").first?.position)
        let v1 = try #require(Seal("vigil-seal-v1:\(position):1:\(digest)"))
        try store.append([NewEvent(type: "B", data: "{}")], to: "t:b", expected: .noStream)
        #expect(try store.matches(v1))
        try store.connection.execute(
            script: """
                ALTER TABLE vigil.events DISABLE TRIGGER events_append_only;
                UPDATE vigil.events SET hash = sha256(hash) WHERE stream_id = 't:a';
                ALTER TABLE vigil.events ENABLE ALWAYS TRIGGER events_append_only;
                """)
        #expect(try store.matches(v1) == false)
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
