import EventStore
import Foundation
import Postgres

/// Append throughput against plain INSERTs of rows of the same size into a table with the
/// same indexes: the physical limit of this server.
enum Appends {
    static let data =
        #"{"code": "A-1", "campaign": "周宣传", "community": "街道01-社区01", "on": "2017-01-02", "activity": "宣传点", "leaflets": 120, "attendees": 30}"#

    /// The benchmark's own event type, registered in its scratch database only (as the store's
    /// tests register theirs): the payload of an activity, in streams of the kind `bench`.
    static let registration = """
        INSERT INTO vigil.stream_kinds (kind) VALUES ('bench');
        INSERT INTO vigil.event_types (type, stream_kind, roles, schema_version, key, fields)
        VALUES ('Bench', 'bench', ARRAY['supervisor'], 1, NULL,
                '[{"name": "code", "kind": "text", "max_length": 20, "required": true},
                  {"name": "campaign", "kind": "text", "max_length": 200, "required": true},
                  {"name": "community", "kind": "text", "max_length": 200, "required": true},
                  {"name": "on", "kind": "date", "required": true},
                  {"name": "activity", "kind": "text", "max_length": 200, "required": false},
                  {"name": "leaflets", "kind": "count", "required": false},
                  {"name": "attendees", "kind": "count", "required": false}]');
        """

    static func measure(_ database: Scratch, into report: inout Report) throws {
        let connection = try database.connect()
        // The baseline table has the log's columns and keys; the concurrent writers each work in
        // a street of their own, as a city's offices do.
        try connection.execute(
            script: registration + """
                CREATE TABLE public.plain (LIKE vigil.events INCLUDING DEFAULTS);
                ALTER TABLE public.plain ADD PRIMARY KEY (street, position), ADD UNIQUE (street, event_id),
                    ADD UNIQUE (street, stream_id, stream_version);
                CREATE INDEX ON public.plain (transaction_id, street, position);
                CREATE SEQUENCE public.plain_position;
                SELECT vigil.street_add('街道' || n, '区', NULL, NULL) FROM generate_series(1, 4) n;
                SELECT set_config('vigil.street', '1', false);
                """)
        // Warm up both tables, then measure from new sessions with fresh statistics, as a
        // long-running office database would be.
        let warm = EventStore(connection: connection)
        for n in 0..<2000 {
            try warm.append([NewEvent(type: "Bench", data: data)], to: "bench:warm-\(n)", expected: .noStream)
            try insertPlain(connection, rows: 1, stream: "bench:warm-\(n)")
        }
        try connection.execute(script: "ANALYZE")
        let storeConnection = try database.connect()
        try storeConnection.query("SELECT set_config('vigil.street', '1', false)")
        let store = EventStore(connection: storeConnection)
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
            let connection = try Connection(conninfo: conninfo)
            try connection.query("SELECT set_config('vigil.street', \(String(writer + 1)), false)")
            let store = EventStore(connection: connection)
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
            INSERT INTO public.plain (street, position, stream_id, stream_version, event_id, event_type, data, metadata,
                                      recorded_at, hash)
            SELECT 1, nextval('public.plain_position'), \(stream), v, gen_random_uuid(), 'Bench', \(data)::jsonb,
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
