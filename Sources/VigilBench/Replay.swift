import EventStore
import Foundation
import Postgres

/// Replay (a rebuild of the planner's tables from the whole log) against a raw ordered scan of
/// the log, alternately; and what stands under it, each by plain SQL in the same rounds:
/// - one row an event, with the log's own indexes, written by one INSERT … SELECT and by a
///   PL/pgSQL function called for each event in log order, as a rebuild calls the projection's:
///   what a replay pays for applying events one at a time;
/// - the planner's rows, ready made, written into tables with the same keys in one transaction:
///   in place, the old rows deleted first, as a rebuild writes them; and into fresh tables;
/// - the same rows computed from the log by set-based SQL into fresh tables indexed after
///   (`SetBased`): how near a projection defined as queries over the log could come.
enum Replay {
    static func measure(_ database: Scratch, events: Int, into report: inout Report) throws {
        let connection = try database.connect()
        let tables = try connection.query(
            "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'planner' ORDER BY tablename"
        ).rows.map { Connection.quoteIdentifier(try $0.decode("name", as: String.self)) }
        try connection.execute(
            script: "CREATE SCHEMA replayed; CREATE SCHEMA fresh;\n"
                + tables.map {
                    """
                    CREATE TABLE replayed.\($0) (LIKE planner.\($0) INCLUDING ALL);
                    INSERT INTO replayed.\($0) SELECT * FROM planner.\($0);
                    CREATE TABLE fresh.\($0) (LIKE planner.\($0) INCLUDING ALL);
                    """
                }.joined(separator: "\n") + """

                    CREATE FUNCTION replayed.one_row(e vigil.events) RETURNS void LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO public.replayed VALUES (e.*);
                    END
                    $$;
                    """)
        let rewrite =
            "BEGIN;\n"
            + tables.map { "DELETE FROM replayed.\($0); INSERT INTO replayed.\($0) SELECT * FROM planner.\($0);" }
            .joined(separator: "\n") + "\nCOMMIT;"
        let fill =
            "BEGIN;\n" + tables.map { "INSERT INTO fresh.\($0) SELECT * FROM planner.\($0);" }.joined(separator: "\n")
            + "\nCOMMIT;"
        let empty = "TRUNCATE " + tables.map { "fresh.\($0)" }.joined(separator: ", ")
        let derive: String?
        do {
            derive = try SetBased.script(connection, tables: tables)
        } catch let unmeasured as SetBased.Unmeasured {
            derive = nil
            report.notes.append("the set-based computation of the planner's rows was not measured: \(unmeasured)")
        }
        // The shape vigil.rebuild gives its replay: one statement calling the function for each
        // event; on Citus a loop on the coordinator, where the function and its table are.
        let eventByEvent =
            Scratch.citusWorkers.isEmpty
            ? """
            SELECT count(*) FROM (SELECT replayed.one_row(e) FROM vigil.events e ORDER BY e.street, e.position) r
            """
            : """
            DO $$
            DECLARE
                e vigil.events;
            BEGIN
                FOR e IN SELECT * FROM vigil.events ORDER BY street, position LOOP
                    PERFORM replayed.one_row(e);
                END LOOP;
            END
            $$
            """
        var rebuilds: [Double] = []
        var scans: [Double] = []
        var floors: [Double] = []
        var perEvent: [Double] = []
        var rewrites: [Double] = []
        var fills: [Double] = []
        var derivations: [Double] = []
        for round in 0..<Report.rounds {
            rebuilds.append(
                try rate(events) { _ = try EventStore(connection: connection).rebuild(projection: "planner") })
            scans.append(
                try rate(events) {
                    try connection.copyOut("COPY (SELECT * FROM vigil.events ORDER BY street, position) TO STDOUT") {
                        _ in
                    }
                })
            try connection.execute(script: "CREATE TABLE public.replayed (LIKE vigil.events INCLUDING INDEXES)")
            floors.append(
                try rate(events) {
                    try connection.execute(script: "INSERT INTO public.replayed SELECT * FROM vigil.events")
                })
            try connection.execute(script: "TRUNCATE public.replayed")
            perEvent.append(try rate(events) { try connection.execute(script: eventByEvent) })
            try connection.execute(script: "DROP TABLE public.replayed")
            rewrites.append(try rate(events) { try connection.execute(script: rewrite) })
            fills.append(try rate(events) { try connection.execute(script: fill) })
            try connection.execute(script: empty)
            if let derive {
                try connection.execute(script: "DROP SCHEMA IF EXISTS derived CASCADE")
                derivations.append(try rate(events) { try connection.execute(script: derive) })
                if round == 0, case let differing = try SetBased.differences(connection, tables: tables),
                    !differing.isEmpty
                {
                    throw BenchError(
                        "the set-based statements give other rows than the rebuild: "
                            + differing.joined(separator: ", "))
                }
            }
        }
        report.add(
            "replay (rebuild planner), \(Process.millions(events)) events", rates: rebuilds, baselines: scans, "ev/s",
            least: 0.3)
        report.add("one indexed row an event by INSERT … SELECT", rates: floors, baselines: scans, "ev/s")
        report.add(
            "one indexed row an event by a PL/pgSQL function called for each event", rates: perEvent,
            baselines: scans, "ev/s")
        report.add(
            "the planner's rows of a replay by plain SQL, old deleted and new inserted", rates: rewrites,
            baselines: scans, "ev/s")
        report.add(
            "the planner's rows of a replay by plain SQL, into fresh tables", rates: fills, baselines: scans, "ev/s")
        if derive != nil {
            report.add(
                "the planner's rows computed from the log by set-based SQL, into fresh tables indexed after",
                rates: derivations, baselines: scans, "ev/s")
        }
    }
}
