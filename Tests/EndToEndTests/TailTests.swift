import EventStore
import Foundation
import Planner
import PlannerStore
import Postgres
import TestSupport
import Testing

@Suite("vigil tail", .serialized)
struct TailTests {
    @Test(
        "tail starts at the transaction horizon: an append still open in one street when it starts is shown when it commits"
    )
    func startsAtTheHorizon() throws {
        let database = try TestDatabase()
        // A street's writers queue on it, so the append left open is another street's.
        let streets = try database.addStreets(["甲街道", "乙街道"])
        let early = try database.connect(street: streets[0])
        let other = try database.connect(street: streets[1])
        func add(_ name: String, on connection: Connection) throws {
            try PlannerStore(connection: connection).append(
                [.communityAdded(CommunityAdded(name: name))], to: PlannerStore.Stream.community(name),
                expectedVersion: 0,
                metadata: EventMetadata())
        }
        try add("旧社区", on: other)
        try early.execute(script: "BEGIN")
        try add("迟社区", on: early)
        try add("新社区", on: other)

        let tail = try Child(["--db", database.conninfo, "tail", "--count", "2"])
        // Commit only once tail has taken its starting point and is reading the log.
        poll("tail to start reading") {
            (try? database.number(
                "SELECT count(*) " + TestDatabase.others + " AND query LIKE '%pg_snapshot_xmin%'")) ?? 0 > 0
        }
        try early.execute(script: "COMMIT")
        #expect(tail.waitForExit() == 0, "\(tail.stderr)")
        // Once streets are named, each line starts with its street.
        let lines = tail.stdout.split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(Set(lines.map { "\($0[0]) \($0[4])" }) == ["甲街道 community:迟社区", "乙街道 community:新社区"], "\(tail.stdout)")
    }
}
