import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

func event(_ type: String = "Tested", _ data: String = "{\"n\": 1}", id: UUID = UUID()) -> NewEvent {
    NewEvent(id: id, type: type, data: data)
}

@Suite("Event store: append", .serialized)
struct AppendTests {
    let database: TestDatabase
    let store: EventStore

    init() throws {
        database = try TestDatabase()
        try database.registerTestEvents()
        store = EventStore(connection: try database.connect())
    }

    @Test("Versions are contiguous from 1 and the database stamps the actor")
    func contiguousVersions() throws {
        let first = try store.append([event(), event()], to: "t:P-1", expected: .noStream)
        #expect(first.streamVersion == 2)
        let second = try store.append([event()], to: "t:P-1", expected: .exact(2))
        #expect(second.streamVersion == 3)
        let events = try store.read(stream: "t:P-1")
        #expect(events.map(\.streamVersion) == [1, 2, 3])
        #expect(events.map(\.position) == first.positions + second.positions)
        #expect(events.allSatisfy { $0.actor == database.connectUser })
    }

    @Test("Each expectation mode accepts and refuses as documented")
    func expectationModes() throws {
        try store.append([event()], to: "t:s", expected: .any)
        try store.append([event()], to: "t:s", expected: .streamExists)
        try store.append([event()], to: "t:s", expected: .exact(2))
        #expect(throws: EventStoreError.wrongExpectedVersion(stream: "t:s", expected: .noStream, actual: 3)) {
            try store.append([event()], to: "t:s", expected: .noStream)
        }
        #expect(throws: EventStoreError.wrongExpectedVersion(stream: "t:new", expected: .streamExists, actual: 0)) {
            try store.append([event()], to: "t:new", expected: .streamExists)
        }
        #expect(throws: EventStoreError.wrongExpectedVersion(stream: "t:s", expected: .exact(1), actual: 3)) {
            try store.append([event()], to: "t:s", expected: .exact(1))
        }
        try store.append([event()], to: "t:s", expected: .any)
        #expect(try store.version(of: "t:s") == 4)
    }

    @Test("A version mismatch consumes no global position")
    func mismatchWastesNoPosition() throws {
        let before = try store.append([event()], to: "t:a", expected: .noStream)
        for _ in 0..<5 {
            #expect(throws: EventStoreError.self) { try store.append([event()], to: "t:a", expected: .noStream) }
        }
        let after = try store.append([event()], to: "t:b", expected: .noStream)
        #expect(after.positions == [before.positions[0] + 1])
    }

    @Test("Re-appending the same event ids with the same content returns the original result")
    func idempotentRetry() throws {
        let events = [event("A", "{\"x\": \"一\"}"), event("B", "{\"x\": \"二\"}")]
        let first = try store.append(events, to: "t:retry", expected: .noStream)
        let again = try store.append(events, to: "t:retry", expected: .noStream)
        #expect(again == first)
        #expect(try store.read(stream: "t:retry").count == 2)
        var changed = events
        changed[1].data = "{\"x\": \"三\"}"
        #expect(throws: EventStoreError.idempotencyConflict(stream: "t:retry")) {
            try store.append(changed, to: "t:retry", expected: .any)
        }
    }

    @Test("The database refuses UPDATE, DELETE and TRUNCATE of events, even for a superuser")
    func appendOnly() throws {
        try store.append([event()], to: "t:fixed", expected: .noStream)
        for statement in [
            "UPDATE vigil.events SET data = '{}'", "DELETE FROM vigil.events", "TRUNCATE vigil.events",
        ] {
            let error = try #require(throws: PostgresError.self) { try store.connection.execute(script: statement) }
            #expect(error.message.contains("append-only"))
        }
        #expect(try store.read(stream: "t:fixed").count == 1)
    }
}

extension TestDatabase {
    /// The role the test connections log in as.
    var connectUser: String {
        (try? connect().user) ?? ""
    }
}
