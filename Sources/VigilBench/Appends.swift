import EventStore
import Foundation
import Planner
import PlannerStore
import Postgres
import Shell

/// Appends as the shell makes them (parse, code, validation, the log, the projection, commit)
/// against plain INSERTs of rows of the same size into a table with the log's keys, at the
/// same transaction size and number of writers: the physical limit of this server.
enum Appends {
    static let log = "campaign log 周宣传 --community 社区01 --on 2024-03-01 --activity 宣传点 --leaflets 120 --attendees 30"

    static func measure(_ database: Scratch, into report: inout Report) throws {
        let setup = try database.connect()
        try setup.execute(
            script: """
                SELECT vigil.street_add('街道' || n, '区1', NULL, NULL) FROM generate_series(1, 8) n;
                CREATE TABLE public.plain (LIKE vigil.events INCLUDING DEFAULTS);
                ALTER TABLE public.plain ADD PRIMARY KEY (street, position), ADD UNIQUE (street, event_id),
                    ADD UNIQUE (street, stream_id, stream_version);
                CREATE INDEX ON public.plain (transaction_id, street, position);
                CREATE SEQUENCE public.plain_position;
                CREATE TABLE public.plain_events (LIKE public.plain INCLUDING ALL);
                CREATE TABLE public.plain_streams (LIKE vigil.streams INCLUDING ALL);
                CREATE TABLE public.plain_logs (LIKE vigil.street_logs INCLUDING ALL);
                CREATE TABLE public.plain_activities (LIKE planner.activities INCLUDING ALL);
                CREATE TABLE public.plain_codes (LIKE planner.codes INCLUDING ALL);
                """)
        // Eight writers, each in a street of its own, as a city's offices work.
        let shells = try (1...8).map { street in
            let shell = try Shell(database, street: "街道\(street)")
            try shell.run("community add 社区01")
            try shell.run("campaign define 周宣传 --cadence weekly")
            return shell
        }
        let plains = Connections(try (1...8).map { _ in try database.connect() })
        // The baseline writes the row an append wrote, with its payload and metadata.
        try shells[0].run(log)
        let row = try setup.query(
            "SELECT data::text AS data, metadata::text AS metadata FROM vigil.events ORDER BY position DESC LIMIT 1"
        ).rows[0]
        let plain = Plain(data: try row.decode("data"), metadata: try row.decode("metadata"))
        // Warm both up, then refresh statistics, as a long-running office database would have.
        for n in 0..<500 {
            try shells[n % 8].run(log)
            try plain.insert(plains[n % 8], street: n % 8 + 1)
        }
        try setup.execute(script: "ANALYZE")

        let count = 300
        var appended: [Double] = []
        var inserted: [Double] = []
        var floors: [Double] = []
        for _ in 0..<Report.rounds {
            appended.append(try rate(count) { for _ in 0..<count { try shells[0].run(log) } })
            inserted.append(
                try rate(count) { for _ in 0..<count { try plain.insert(plains[0], street: 1) } })
            floors.append(
                try rate(count) { for _ in 0..<count { try plain.insertAll(plains[0], street: 1) } })
        }
        report.add("append, 1 event/tx", rates: appended, baselines: inserted, "ev/s", least: 0.7)
        report.add("the rows of an append by plain SQL, 1 event/tx", rates: floors, baselines: inserted, "ev/s")

        let perWriter = 60
        appended = []
        inserted = []
        floors = []
        for _ in 0..<Report.rounds {
            appended.append(
                Double(8 * perWriter)
                    / (try concurrently(8) { writer in for _ in 0..<perWriter { try shells[writer].run(log) } }))
            inserted.append(
                Double(8 * perWriter)
                    / (try concurrently(8) { writer in
                        for _ in 0..<perWriter { try plain.insert(plains[writer], street: writer + 1) }
                    }))
            floors.append(
                Double(8 * perWriter)
                    / (try concurrently(8) { writer in
                        for _ in 0..<perWriter { try plain.insertAll(plains[writer], street: writer + 1) }
                    }))
        }
        report.add("append, 8 writers on 8 streets", rates: appended, baselines: inserted, "ev/s", least: 0.7)
        report.add("the rows of an append by plain SQL, 8 writers", rates: floors, baselines: inserted, "ev/s")
    }

    /// The baseline: the row an append writes, by a plain INSERT in a transaction of its own.
    struct Plain: Sendable {
        let data: String
        let metadata: String

        func insert(_ connection: Connection, street: Int) throws {
            try connection.query(
                """
                INSERT INTO public.plain (street, position, stream_id, stream_version, event_id, event_type, data,
                                          metadata, recorded_at, hash)
                VALUES (\(street), nextval('public.plain_position'), 'activity:' || gen_random_uuid(), 1,
                        gen_random_uuid(), 'ActivityLogged', \(data)::jsonb, \(metadata)::jsonb, now(),
                        sha256(\(data)::bytea))
                """)
        }

        /// Every row an append of an activity writes, by plain SQL in one statement and one
        /// transaction: the code, the street's counter, the event, the stream's head and the
        /// activity, each into a table with the same keys. No decision, validation or hash
        /// chain: the least an append can cost at this transaction size.
        func insertAll(_ connection: Connection, street: Int) throws {
            try connection.query(
                """
                WITH code AS (
                    INSERT INTO public.plain_codes AS c (street, kind, last) VALUES (\(street), 'A', 1)
                    ON CONFLICT (street, kind) DO UPDATE SET last = c.last + 1 RETURNING c.last
                ), counter AS (
                    INSERT INTO public.plain_logs AS l (street, last_position) VALUES (\(street), 1)
                    ON CONFLICT (street) DO UPDATE SET last_position = l.last_position + 1 RETURNING l.last_position
                ), event AS (
                    INSERT INTO public.plain_events (street, position, stream_id, stream_version, event_id, event_type,
                                                     data, metadata, recorded_at, hash)
                    SELECT \(street), counter.last_position, 'activity:A-' || code.last, 1, gen_random_uuid(),
                           'ActivityLogged', \(data)::jsonb, \(metadata)::jsonb, now(), sha256(\(data)::bytea)
                      FROM counter, code
                    RETURNING stream_id, hash
                ), head AS (
                    INSERT INTO public.plain_streams (street, stream_id, version, head_hash)
                    SELECT \(street), stream_id, 1, hash FROM event
                )
                INSERT INTO public.plain_activities (street, code, number, campaign, community, on_date, activity,
                                                     leaflets, attendees, recorded_at)
                SELECT \(street), 'A-' || code.last, code.last, '周宣传', '社区01', '2024-03-01', '宣传点', 120, 30, now()
                  FROM code
                """)
        }
    }

    /// Runs `body` on `writers` threads at once; returns the seconds until the last is done.
    static func concurrently(_ writers: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws -> Double {
        try seconds {
            let group = DispatchGroup()
            let failures = Failures()
            for writer in 0..<writers {
                group.enter()
                Thread.detachNewThread {
                    do { try body(writer) } catch { failures.add(error) }
                    group.leave()
                }
            }
            group.wait()
            if let error = failures.first { throw error }
        }
    }

    /// The baseline's connections, one a writer thread: each is used by one thread at a time.
    final class Connections: @unchecked Sendable {
        let connections: [Connection]
        init(_ connections: [Connection]) { self.connections = connections }
        subscript(_ index: Int) -> Connection { connections[index] }
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [any Error] = []
        func add(_ error: any Error) { lock.withLock { errors.append(error) } }
        var first: (any Error)? { lock.withLock { errors.first } }
    }
}

/// A shell of the benchmark's own, in one street, as of the last day of 2024: commands run
/// in-process through the shell's own path (parse, query, render as JSON).
final class Shell: @unchecked Sendable {
    let runner: Runner
    let session: Session

    init(_ database: Scratch, street: String?) throws {
        session = Session(
            store: PlannerStore(connection: try database.connect()), language: .en, format: .json, terminal: .pipe,
            timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current, baseDirectory: URL(fileURLWithPath: "."))
        session.todayOverride = LocalDate(year: 2024, month: 12, day: 31)
        runner = Runner(
            session: session, write: { _ in }, writeError: { Swift.print($0, terminator: "", to: &standardError) })
        if let street { try session.choose(street: street) }
    }

    /// Runs one command; a refusal stops the benchmark.
    func run(_ line: String) throws {
        guard runner.run(line: line) == .ok else { throw BenchError("the shell refused: \(line)") }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
