import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Event store: reading the global log", .serialized)
struct GlobalReadTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.registerTestEvents()
    }

    @Test("A reader merging streets never passes an event whose transaction commits late")
    func lateCommit() throws {
        // Writers of one street queue on it; a late commit can only pass another street's.
        let streets = try database.addStreets(["甲街道", "乙街道"])
        let a = try database.connect(street: streets[0])
        let b = try database.connect(street: streets[1])
        let reader = EventStore(connection: try database.connect())

        try a.execute(script: "BEGIN")
        let appendedByA = try EventStore(connection: a).append([event("A")], to: "t:late-a", expected: .noStream)
        let appendedByB = try EventStore(connection: b).append([event("B")], to: "t:late-b", expected: .noStream)
        #expect(appendedByA.positions == [1] && appendedByB.positions == [1], "each street numbers its own log")

        // B has committed, A holds its lower position open: the reader must not move past A.
        let whileOpen = try reader.readAll(after: .start)
        #expect(whileOpen.isEmpty)

        try a.execute(script: "COMMIT")
        let afterCommit = try reader.readUntil(count: 2, after: .start)
        #expect(afterCommit.map(\.type) == ["A", "B"])
    }

    @Test("A reader that checkpointed before a late commit still receives it")
    func lateCommitAfterCheckpoint() throws {
        let streets = try database.addStreets(["甲街道", "乙街道"])
        let early = try database.connect(street: streets[0])
        let late = try database.connect(street: streets[1])
        let reader = EventStore(connection: try database.connect())
        try EventStore(connection: early).append([event("first")], to: "t:c-0", expected: .noStream)
        let first = try reader.readUntil(count: 1, after: .start)
        var checkpoint = try #require(first.last.map(Checkpoint.init(after:)))

        // `late` takes its transaction id first but its position after `early`'s next event.
        try late.execute(script: "BEGIN")
        try late.query("SELECT pg_current_xact_id()")
        try EventStore(connection: early).append([event("second")], to: "t:c-1", expected: .noStream)
        try EventStore(connection: late).append([event("late")], to: "t:c-2", expected: .noStream)
        #expect(try reader.readAll(after: checkpoint).isEmpty)
        try late.execute(script: "COMMIT")

        let rest = try reader.readUntil(count: 2, after: checkpoint)
        #expect(rest.map(\.type) == ["late", "second"], "in transaction order: late took its id first")
        checkpoint = try #require(rest.last.map(Checkpoint.init(after:)))
        #expect(try reader.readAll(after: checkpoint).isEmpty)
    }

    @Test("The reader orders by transaction id as a number: 98 before 100, though \"100\" sorts first as text")
    func numericTransactionOrder() throws {
        let store = EventStore(connection: try database.connect())
        // Rows written directly with old transaction ids (below any horizon), as a log that has
        // crossed from 2 to 3 digits looks; make stress found the reader re-reading such a log.
        try store.connection.execute(
            script: """
                INSERT INTO vigil.events (street, position, transaction_id, stream_id, stream_version, event_id,
                                          event_type, data, metadata, recorded_at, hash)
                VALUES (1, 1, '98', 't:old', 1, gen_random_uuid(), 'A', '{}', '{}', now(), '\\x00'),
                       (1, 2, '100', 't:new', 1, gen_random_uuid(), 'B', '{}', '{}', now(), '\\x00')
                """)
        let first = try store.readAll(after: .start, limit: 1)
        #expect(first.map(\.transactionID) == [98])
        let second = try store.readAll(
            after: try #require(first.last.map(Checkpoint.init(after:))),
            limit: 1)
        #expect(second.map(\.transactionID) == [100])
    }

    @Test("8 concurrent writers × 500 appends over 20 streams: every acknowledged event exactly once")
    func concurrentWriters() async throws {
        let conninfo = database.conninfo
        let writers = 8
        let appendsPerWriter = 500
        let expected = writers * appendsPerWriter
        // Every worker on a thread of its own: blocking calls on the cooperative pool (two
        // threads on two cores) could leave the reader unscheduled past its deadline.
        let tailer = Task {
            try await onThread { () throws -> [UUID] in
                try Self.tail(conninfo, expected: expected)
            }
        }
        let acknowledged = try await withThrowingTaskGroup(of: [UUID].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    try await onThread { try Self.write(conninfo, writer: writer, appends: appendsPerWriter) }
                }
            }
            var all: [UUID] = []
            for try await ids in group { all += ids }
            return all
        }
        let seen = try await tailer.value

        #expect(acknowledged.count == writers * appendsPerWriter)
        #expect(seen.count == Set(seen).count, "the reader saw an event twice")
        #expect(Set(acknowledged).subtracting(seen).count == 0, "the reader missed acknowledged events")
        #expect(seen.count == expected)

        let store = EventStore(connection: try database.connect())
        var stored = 0
        for s in 0..<20 {
            let versions = try store.read(stream: "t:stream-\(s)").map(\.streamVersion)
            #expect(versions == Array(1..<(versions.count + 1)))
            stored += versions.count
        }
        #expect(stored == acknowledged.count)
    }

    /// Follows the global log until `expected` events have arrived (or five minutes pass).
    static func tail(_ conninfo: String, expected: Int) throws -> [UUID] {
        let reader = EventStore(connection: try Connection(conninfo: conninfo))
        var checkpoint = Checkpoint.start
        var seen: [UUID] = []
        let deadline = ContinuousClock.now + .seconds(300)
        while seen.count < expected, ContinuousClock.now < deadline {
            let page = try reader.readAll(after: checkpoint, limit: 500)
            if page.isEmpty { Thread.sleep(forTimeInterval: 0.02) }
            for e in page {
                seen.append(e.id)
                checkpoint = Checkpoint(after: e)
            }
        }
        return seen
    }

    /// One writer's appends to random streams, retrying on a version conflict.
    static func write(_ conninfo: String, writer: Int, appends: Int) throws -> [UUID] {
        let store = EventStore(connection: try Connection(conninfo: conninfo))
        var ids: [UUID] = []
        var generator = SplitMix(seed: UInt64(writer + 1))
        for n in 0..<appends {
            let stream = "t:stream-\(generator.next() % 20)"
            let e = event("W", "{\"writer\": \(writer), \"n\": \(n)}")
            while true {
                do {
                    try store.append([e], to: stream, expected: .exact(try store.version(of: stream)))
                    break
                } catch EventStoreError.wrongExpectedVersion {
                    continue
                }
            }
            ids.append(e.id)
        }
        return ids
    }
}

extension EventStore {
    /// Reads until `count` events have arrived after `checkpoint`, or 2 minutes pass.
    ///
    /// The transaction horizon is cluster-wide, so a test in another database that holds a
    /// transaction open delays (but never reorders) what this reader may see: a spreadsheet
    /// import of thousands of rows, in one transaction, can hold it for half a minute on a
    /// loaded machine.
    func readUntil(count: Int, after checkpoint: Checkpoint) throws -> [RecordedEvent] {
        let deadline = ContinuousClock.now + .seconds(120)
        var events = try readAll(after: checkpoint)
        while events.count < count, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            events = try readAll(after: checkpoint)
        }
        return events
    }
}

/// A small deterministic generator so that concurrency tests are repeatable in their choices.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Event store: following the log", .serialized)
struct SubscriptionTests {
    @Test("Followed street by street (as on Citus): each street in order, a late commit received, nothing twice")
    func followsStreetByStreet() throws {
        let database = try TestDatabase()
        try database.registerTestEvents()
        let streets = try database.addStreets(["甲街道", "乙街道"])
        let store = EventStore(connection: try database.connect())
        let writer = EventStore(connection: try database.connect(street: streets[0]))
        try writer.append([event("first")], to: "t:s-1", expected: .noStream)
        var subscription = Subscription(store: store, from: .streets(try store.streetPositions()))
        var seen: [String] = []
        let late = try database.connect(street: streets[0])
        try late.execute(script: "BEGIN")
        try EventStore(connection: late).append([event("late")], to: "t:s-2", expected: .noStream)
        try EventStore(connection: try database.connect(street: streets[1])).append(
            [event("after")], to: "t:s-3", expected: .noStream)
        try subscription.poll(wait: 0) { seen.append($0.type) }
        #expect(seen == ["after"], "the street's open append holds back only its own street")
        try late.execute(script: "COMMIT")
        try writer.append([event("second")], to: "t:s-4", expected: .noStream)
        try subscription.poll(wait: 0) { seen.append($0.type) }
        #expect(seen == ["after", "late", "second"])
        #expect(try subscription.poll(wait: 0) { seen.append($0.type) } == 0)
        guard case .streets(let positions) = subscription.cursor else {
            Issue.record("the cursor is a street's")
            return
        }
        #expect(positions[streets[0]] == 3 && positions[streets[1]] == 1)
    }

    @Test("A follower wakes on a notification and receives a late commit after the events that passed it")
    func followsLiveAndLate() throws {
        let database = try TestDatabase()
        try database.registerTestEvents()
        let streets = try database.addStreets(["甲街道", "乙街道"])
        var subscription = Subscription(store: EventStore(connection: try database.connect()))
        var seen: [String] = []
        #expect(try subscription.poll(wait: 0) { seen.append($0.type) } == 0)

        let writer = EventStore(connection: try database.connect(street: streets[0]))
        try writer.append([event("first")], to: "t:f-1", expected: .noStream)
        // As long as readUntil waits: other databases' transactions hold the horizon back.
        let deadline = ContinuousClock.now + .seconds(120)
        while seen.isEmpty, ContinuousClock.now < deadline {
            try subscription.poll(wait: 1) { seen.append($0.type) }
        }
        #expect(seen == ["first"])

        let late = try database.connect(street: streets[1])
        try late.execute(script: "BEGIN")
        try EventStore(connection: late).append([event("late")], to: "t:f-2", expected: .noStream)
        try writer.append([event("after")], to: "t:f-3", expected: .noStream)
        #expect(try subscription.poll(wait: 0.2) { seen.append($0.type) } == 0, "nothing passes an open transaction")
        try late.execute(script: "COMMIT")
        while seen.count < 3, ContinuousClock.now < deadline {
            try subscription.poll(wait: 1) { seen.append($0.type) }
        }
        #expect(seen == ["first", "late", "after"])
    }
}
