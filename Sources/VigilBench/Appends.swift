import EventStore
import Foundation
import Postgres

/// Append throughput against plain INSERTs of rows of the same size into a table with the
/// same indexes: the physical limit of this server.
enum Appends {
    static let data =
        #"{"code": "A-1", "campaign": "周宣传", "community": "街道01-社区01", "on": "2017-01-02", "activity": "宣传点", "leaflets": 120, "attendees": 30}"#

    static func measure(_ database: Scratch, into report: inout Report) throws {
        let connection = try database.connect()
        try connection.execute(
            script: """
                CREATE TABLE public.plain (LIKE vigil.events INCLUDING DEFAULTS);
                ALTER TABLE public.plain ADD PRIMARY KEY (position), ADD UNIQUE (event_id), ADD UNIQUE (stream_id, stream_version);
                CREATE INDEX ON public.plain (transaction_id, position);
                CREATE SEQUENCE public.plain_position;
                """)
        // Warm up both tables, then measure from new sessions with fresh statistics, as a
        // long-running office database would be.
        let warm = EventStore(connection: connection)
        for n in 0..<2000 {
            try warm.append([NewEvent(type: "Bench", data: data)], to: "warm:\(n)", expected: .noStream)
            try insertPlain(connection, rows: 1, stream: "warm:\(n)")
        }
        try connection.execute(script: "ANALYZE")
        let store = EventStore(connection: try database.connect())
        let plain = try database.connect()
        let count = 2000
        var stream = 0

        // One event per transaction.
        let appendOne = try seconds {
            for _ in 0..<count {
                stream += 1
                try store.append([NewEvent(type: "Bench", data: data)], to: "bench:\(stream)", expected: .noStream)
            }
        }
        let plainOne = try seconds {
            for n in 0..<count { try insertPlain(plain, rows: 1, stream: "plain:\(n)") }
        }
        report.add(
            "append, 1 event/tx", Double(count) / appendOne, "ev/s", baseline: Double(count) / plainOne,
            goal: "≥ 0.7 × INSERT", met: appendOne > 0 && plainOne / appendOne >= 0.7)

        // 100 events per transaction.
        let batches = 40
        let appendHundred = try seconds {
            for _ in 0..<batches {
                stream += 1
                let events = (0..<100).map { _ in NewEvent(type: "Bench", data: data) }
                try store.append(events, to: "bench:\(stream)", expected: .noStream)
            }
        }
        let plainHundred = try seconds {
            for n in 0..<batches { try insertPlain(plain, rows: 100, stream: "plain100:\(n)") }
        }
        report.add(
            "append, 100 events/tx", Double(batches * 100) / appendHundred, "ev/s",
            baseline: Double(batches * 100) / plainHundred)

        // Four concurrent writers, one event per transaction each.
        let conninfo = database.conninfo
        let perWriter = 500
        let concurrentAppend = try concurrently(4) { writer in
            let store = EventStore(connection: try Connection(conninfo: conninfo))
            for n in 0..<perWriter {
                try store.append(
                    [NewEvent(type: "Bench", data: data)], to: "bench:w\(writer)-\(n)", expected: .noStream)
            }
        }
        let concurrentPlain = try concurrently(4) { writer in
            let connection = try Connection(conninfo: conninfo)
            for n in 0..<perWriter { try insertPlain(connection, rows: 1, stream: "plainw\(writer)-\(n)") }
        }
        report.add(
            "append, 4 writers", Double(4 * perWriter) / concurrentAppend, "ev/s",
            baseline: Double(4 * perWriter) / concurrentPlain)
    }

    /// The baseline: the same row the store writes, hash included, by a plain INSERT.
    static func insertPlain(_ connection: Connection, rows: Int, stream: String) throws {
        try connection.query(
            """
            INSERT INTO public.plain (position, stream_id, stream_version, event_id, event_type, data, metadata, recorded_at, hash)
            SELECT nextval('public.plain_position'), \(stream), v, gen_random_uuid(), 'Bench', \(data)::jsonb,
                   '{"actor": "bench", "command_id": "00000000-0000-0000-0000-000000000000"}'::jsonb, now(),
                   sha256(\(data)::bytea)
              FROM generate_series(1, \(rows)) v
            """)
    }

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

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [any Error] = []
        func add(_ error: any Error) { lock.withLock { errors.append(error) } }
        var first: (any Error)? { lock.withLock { errors.first } }
    }
}
