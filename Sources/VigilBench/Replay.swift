import EventStore
import Foundation
import Postgres

/// Replay (a rebuild of the planner's tables from the whole log) against a raw ordered scan of
/// the log, alternately; and two floors: writing one row an event with the log's own indexes,
/// and what a rebuild writes, by plain SQL: the planner's old rows deleted and its new rows,
/// ready made, inserted into tables with the same keys, in one transaction.
enum Replay {
    static func measure(_ database: Scratch, events: Int, into report: inout Report) throws {
        let connection = try database.connect()
        let tables = try connection.query(
            "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'planner' ORDER BY tablename"
        ).rows.map { Connection.quoteIdentifier(try $0.decode("name", as: String.self)) }
        try connection.execute(
            script: "CREATE SCHEMA replayed;\n"
                + tables.map {
                    "CREATE TABLE replayed.\($0) (LIKE planner.\($0) INCLUDING ALL); INSERT INTO replayed.\($0) SELECT * FROM planner.\($0);"
                }.joined(separator: "\n"))
        let rewrite =
            "BEGIN;\n"
            + tables.map { "DELETE FROM replayed.\($0); INSERT INTO replayed.\($0) SELECT * FROM planner.\($0);" }
            .joined(separator: "\n") + "\nCOMMIT;"
        var rebuilds: [Double] = []
        var scans: [Double] = []
        var floors: [Double] = []
        var rewrites: [Double] = []
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
            rewrites.append(Double(events) / (try seconds { try connection.execute(script: rewrite) }))
        }
        report.add(
            "replay (rebuild planner), \(Process.millions(events)) events", rates: rebuilds, baselines: scans, "ev/s",
            least: 0.3)
        report.add("one indexed row an event by INSERT … SELECT", rates: floors, baselines: scans, "ev/s")
        report.add(
            "the planner's rows of a replay by plain SQL, old deleted and new inserted", rates: rewrites,
            baselines: scans, "ev/s")
    }
}
