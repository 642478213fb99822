import EventStore
import Foundation
import Postgres

/// Replay (projection rebuild) against a raw ordered scan of the event table.
enum Replay {
    static func measure(_ database: Scratch, events: Int, into report: inout Report) throws {
        let connection = try database.connect()
        var bytes = 0
        let scan = try seconds {
            bytes = try connection.copyOut("COPY (SELECT * FROM vigil.events ORDER BY street, position) TO STDOUT") {
                _ in
            }
        }
        let rebuild = try seconds { try EventStore(connection: connection).rebuild(projection: "planner") }
        report.add(
            "replay (rebuild planner)", Double(events) / rebuild, "ev/s", baseline: Double(events) / scan,
            goal: "≥ 0.3 × scan", met: rebuild > 0 && scan / rebuild >= 0.3)
        report.notes.append(
            "raw scan: \(bytes / 1_048_576) MiB in \(String(format: "%.2f", scan)) s; rebuild \(String(format: "%.1f", rebuild)) s"
        )
    }
}
