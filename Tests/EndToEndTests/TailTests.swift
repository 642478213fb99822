import EventStore
import Foundation
import Planner
import Postgres
import TestSupport
import Testing

@Suite("vigil tail", .serialized)
struct TailTests {
    @Test("tail starts at the transaction horizon: an append still open when it starts is shown when it commits")
    func startsAtTheHorizon() async throws {
        let database = try TestDatabase()
        let early = try database.connect()
        let other = try database.connect()
        func community(_ name: String) throws -> NewEvent {
            let encoded = try Event.communityAdded(CommunityAdded(name: name)).encoded()
            return NewEvent(type: encoded.type, data: encoded.data)
        }
        try EventStore(connection: other).append([try community("旧社区")], to: "community:旧社区", expected: .noStream)
        try early.execute(script: "BEGIN")
        try EventStore(connection: early).append([try community("迟社区")], to: "community:迟社区", expected: .noStream)
        try EventStore(connection: other).append([try community("新社区")], to: "community:新社区", expected: .noStream)

        let conninfo = database.conninfo
        let tail = Task { try await onThread { try VigilBinary.run(["--db", conninfo, "tail", "--count", "2"]) } }
        try await Task.sleep(for: .seconds(1))
        try early.execute(script: "COMMIT")
        let result = try await tail.value
        #expect(result.status == 0, "\(result.stderr)")
        let streams = result.stdout.split(separator: "\n").map { $0.split(separator: "\t")[3] }
        #expect(Set(streams) == ["community:迟社区", "community:新社区"], "\(result.stdout)")
    }
}
