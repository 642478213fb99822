import EventStore
import Foundation
import Postgres

/// Replay (a rebuild of the planner's tables from the whole log) against a raw ordered scan of
/// the log, alternately; and, as a floor, writing one row an event with the log's own indexes.
enum Replay {
    static func measure(_ database: Scratch, events: Int, into report: inout Report) throws {
        let connection = try database.connect()
        var rebuilds: [Double] = []
        var scans: [Double] = []
        var floors: [Double] = []
        for _ in 0..<Appends.rounds {
            rebuilds.append(
                Double(events)
                    / (try seconds { _ = try EventStore(connection: connection).rebuild(projection: "planner") }))
            scans.append(
                Double(events)
                    / (try seconds {
                        try connection.copyOut("COPY (SELECT * FROM vigil.events ORDER BY street, position) TO STDOUT")
                        {
                            _ in
                        }
                    }))
            try connection.execute(script: "CREATE TABLE public.replayed (LIKE vigil.events INCLUDING INDEXES)")
            floors.append(
                Double(events)
                    / (try seconds {
                        try connection.execute(script: "INSERT INTO public.replayed SELECT * FROM vigil.events")
                    }))
            try connection.execute(script: "DROP TABLE public.replayed")
        }
        report.add(
            "replay (rebuild planner), \(Process.millions(events)) events", rates: rebuilds, baselines: scans, "ev/s",
            least: 0.3)
        report.add("one indexed row an event by INSERT … SELECT", rates: floors, baselines: scans, "ev/s")
    }
}
