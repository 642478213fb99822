import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Event store: tamper evidence", .serialized)
struct IntegrityTests {
    let database: TestDatabase
    let store: EventStore

    init() throws {
        database = try TestDatabase()
        try database.registerTestEvents()
        store = EventStore(connection: try database.connect())
        for n in 1...3 {
            try store.append(
                [event("Drill", "{\"n\": \(n), \"名\": \"演练\(n)\"}"), event("Drill", "{\"n\": \(n * 10)}")],
                to: "t:D-\(n)", expected: .noStream)
        }
    }

    /// Runs SQL as a superuser with the log's guards switched off, as an attacker who owns the
    /// server would (session_replication_role = replica no longer skips them). On Citus the
    /// coordinator sends the change to the workers (which needs triggers to be allowed there).
    func tamper(_ sql: String) throws {
        // One statement at a time: Citus sends a trigger's DDL to the workers as it was written.
        try store.connection.transaction { connection in
            if !TestDatabase.citusWorkers.isEmpty {
                try connection.execute(script: "SET LOCAL citus.enable_unsafe_triggers = on")
            }
            for statement in [
                "ALTER TABLE vigil.events DISABLE TRIGGER events_append_only",
                "ALTER TABLE vigil.streams DISABLE TRIGGER streams_forward_only", sql,
                "ALTER TABLE vigil.events ENABLE ALWAYS TRIGGER events_append_only",
                "ALTER TABLE vigil.streams ENABLE ALWAYS TRIGGER streams_forward_only",
            ] {
                try connection.execute(script: statement)
            }
        }
    }

    @Test("An untouched log verifies clean and seals to the same digest every time")
    func cleanLog() throws {
        #expect(try store.verify().isEmpty)
        let seal = try store.seal()
        #expect(try store.seal() == seal)
        #expect(seal.eventCount == 6)
        #expect(try store.matches(seal))
        #expect(Seal(seal.description) == seal)
    }

    @Test("An event updated behind the application's back is named")
    func alteredEvent() throws {
        try tamper("UPDATE vigil.events SET data = '{\"n\": 99}' WHERE stream_id = 't:D-2' AND stream_version = 1")
        let problems = try store.verify()
        #expect(problems.first?.kind == .altered)
        #expect(problems.first?.streamID == "t:D-2")
        #expect(problems.first?.streamVersion == 1)
    }

    @Test("A deleted middle event is named by the event after the gap")
    func deletedEvent() throws {
        try store.append([event("Drill")], to: "t:D-2", expected: .exact(2))
        try tamper("DELETE FROM vigil.events WHERE stream_id = 't:D-2' AND stream_version = 2")
        let problem = try #require(try store.verify().first)
        #expect(problem.kind == .missingBefore)
        #expect(problem.streamID == "t:D-2")
        #expect(problem.streamVersion == 3)
    }

    @Test("A deleted last event is caught through the stream's head")
    func deletedLastEvent() throws {
        try tamper("DELETE FROM vigil.events WHERE stream_id = 't:D-3' AND stream_version = 2")
        let problem = try #require(try store.verify().first)
        #expect(problem.kind == .missingAtEnd)
        #expect(problem.streamID == "t:D-3")
    }

    @Test("A forged event inserted into a stream is named")
    func insertedEvent() throws {
        try tamper(
            """
            INSERT INTO vigil.events (street, position, stream_id, stream_version, event_id, event_type, data, metadata, recorded_at, hash)
            VALUES (1, 1000, 't:D-1', 3, gen_random_uuid(), 'Drill', '{"n": 3}', '{"actor": "supervisor"}', now(), sha256('x'))
            """)
        let problem = try #require(try store.verify().first)
        #expect(problem.kind == .altered)
        #expect(problem.position == 1000)
    }

    @Test("A rewritten last event whose hash was recomputed is caught by the stream's head")
    func rewrittenHead() throws {
        try tamper(
            """
            UPDATE vigil.events SET data = '{"n": 7}' WHERE stream_id = 't:D-1' AND stream_version = 2;
            UPDATE vigil.events e SET hash = vigil.event_hash(
                (SELECT p.hash FROM vigil.events p
                  WHERE p.street = e.street AND p.stream_id = e.stream_id AND p.stream_version = 1),
                ROW(e.*)::vigil.events)
             WHERE stream_id = 't:D-1' AND stream_version = 2
            """)
        let problem = try #require(try store.verify().first)
        #expect(problem.kind == .headMismatch)
        #expect(problem.streamID == "t:D-1")
    }

    @Test("verify --seal catches a change made before the seal even when the chain was recomputed")
    func sealCatchesRecomputedChain() throws {
        let seal = try store.seal()
        try store.append([event("After")], to: "t:D-9", expected: .noStream)
        #expect(try store.matches(seal), "events appended after a seal do not break it")

        // A careful attacker rewrites an event and recomputes its hash with the public scheme.
        try tamper(
            """
            UPDATE vigil.events SET data = '{"n": 7}' WHERE stream_id = 't:D-1' AND stream_version = 2;
            UPDATE vigil.events e SET hash = vigil.event_hash(
                (SELECT p.hash FROM vigil.events p
                  WHERE p.street = e.street AND p.stream_id = e.stream_id AND p.stream_version = 1),
                ROW(e.*)::vigil.events)
             WHERE stream_id = 't:D-1' AND stream_version = 2;
            UPDATE vigil.streams s SET head_hash = (SELECT e.hash FROM vigil.events e
                                                     WHERE e.street = s.street AND e.stream_id = 't:D-1' AND e.stream_version = 2)
             WHERE stream_id = 't:D-1'
            """)
        #expect(try store.verify().isEmpty, "the chain alone cannot see a recomputed forgery")
        #expect(try store.matches(seal) == false)
    }
}

@Suite("Event store: projections", .serialized)
struct ProjectionTests {
    @Test("A projection that fails on an event stops the append and names the event")
    func failingProjectionNamesEvent() throws {
        let database = try TestDatabase()
        try database.registerTestEvents()
        let connection = try database.connect()
        try connection.execute(
            script: """
                CREATE TABLE vigil.broken_seen (position bigint);
                CREATE FUNCTION vigil.reset_broken() RETURNS void LANGUAGE sql AS 'TRUNCATE vigil.broken_seen';
                CREATE FUNCTION vigil.project_broken(e vigil.events) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    IF e.event_type = 'Poison' THEN RAISE EXCEPTION 'cannot digest this'; END IF;
                    INSERT INTO vigil.broken_seen VALUES (e.position);
                END $$;
                SELECT vigil.register_projection('broken', 1);
                """)
        let store = EventStore(connection: connection)
        try store.append([event("Fine")], to: "t:s-1", expected: .noStream)
        let error = try #require(throws: EventStoreError.self) {
            try store.append([event("Poison")], to: "t:s-2", expected: .noStream)
        }
        guard case .projectionFailed(let message) = error else {
            Issue.record("expected a projection failure, got \(error)")
            return
        }
        #expect(message.contains("projection broken failed on event"))
        #expect(message.contains("Poison #1 of t:s-2"))
        #expect(message.contains("cannot digest this"))
        #expect(try store.version(of: "t:s-2") == 0, "the failed append wrote nothing")
        #expect(try store.rebuild(projection: "broken") == 1)
    }
}
