import EventStore
import Foundation
import Planner
import Postgres

/// A province: streets of eleven communities with identical histories, fifteen streets to a
/// district. The first street's year is appended through vigil.append, as the shell writes;
/// every other street's events are generated from its rows and loaded with COPY. The other
/// streets are projected by the rebuilds the benchmark measures (`vigil rebuild` of the larger
/// province, the replay rounds of the smaller), before any report is asked. Identical streets
/// make a street's questions comparable between provinces of different sizes: only the other
/// streets' records differ.
enum Province {
    /// Names the province's streets and districts, appends the first street's year and copies
    /// it to the others. Returns the events of one street.
    static func load(_ database: Scratch, streets: Int, into report: inout Report?) throws -> Int {
        let connection = try database.connect()
        try connection.query(
            """
            SELECT count(vigil.street_add('街道' || n, '区' || ((n - 1) / 15 + 1), NULL, NULL))
              FROM generate_series(1, \(streets)) n
            """)
        try connection.query("SELECT set_config('vigil.street', '1', false)")
        var generator = CityGenerator(streets: 1)
        generator.years = 1
        generator.firstYear = 2024
        var loader = Loader(connection: connection)
        let appended = try seconds {
            let organisation = generator.organisation()
            try loader.append(organisation.batches)
            var counters: [String: Int] = [:]
            try loader.append(
                generator.year(2024, plans: organisation.plans, units: organisation.units, counters: &counters))
        }
        report?.add("load one street through vigil.append", Double(loader.events) / appended, "ev/s")

        // The first street's rows, as COPY writes them, without the street column.
        let columns = try connection.query(
            """
            SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS columns
              FROM information_schema.columns
             WHERE table_schema = 'vigil' AND table_name = 'events' AND column_name <> 'street'
            """
        ).rows[0].decode("columns", as: String.self)
        var template: [[UInt8]] = []
        try connection.copyOut(
            "COPY (SELECT \(columns) FROM vigil.events WHERE street = 1 ORDER BY position) TO STDOUT"
        ) { template.append(Array($0)) }
        var heads: [[UInt8]] = []
        try connection.copyOut(
            "COPY (SELECT stream_id, version, head_hash FROM vigil.streams WHERE street = 1) TO STDOUT"
        ) { heads.append(Array($0)) }
        let last = try connection.query("SELECT last_position FROM vigil.street_logs WHERE street = 1").rows[0]
            .decode("last_position", as: Int64.self)
        // Street by street and by value, so that on Citus each COPY goes to the street's worker.
        let copied = try seconds {
            for street in 2...max(2, streets) where street <= streets {
                let prefix = Array("\(street)\t".utf8)
                try connection.copyIn(
                    "COPY vigil.events (street, \(columns)) FROM STDIN", text: template.lazy.map { prefix + $0 })
                try connection.copyIn(
                    "COPY vigil.streams (street, stream_id, version, head_hash) FROM STDIN",
                    text: heads.lazy.map { prefix + $0 })
                if street % 100 == 0 {
                    Swift.print("bench: \(street) of \(streets) streets copied", to: &standardError)
                }
            }
            try connection.query("UPDATE vigil.street_logs SET last_position = \(last) WHERE street > 1")
            // The log's statistics; the planner's tables are analyzed by the rebuild that fills them.
            try connection.execute(script: "ANALYZE vigil.events, vigil.streams, vigil.street_logs")
        }
        if streets > 1 {
            report?.add(
                "load the other streets by COPY", Double((streets - 1) * template.count) / copied, "ev/s")
        }
        return template.count
    }

    /// Appends a generated city's batches through vigil.append, many streams per statement.
    struct Loader {
        let connection: Connection
        var events = 0

        init(connection: Connection) {
            self.connection = connection
        }

        mutating func append(_ batches: [CityGenerator.Batch]) throws {
            // 50 streams a statement: each append is one subtransaction, and more than 64 in one
            // transaction overflow the subtransaction cache, slowing every visibility check.
            for chunk in stride(from: 0, to: batches.count, by: 50).map({ batches[$0..<min($0 + 50, batches.count)] }) {
                let streams = chunk.map(\.stream)
                // The log takes only codes the allocator handed out: hand out the chunk's first.
                try connection.query(
                    """
                    INSERT INTO planner.codes AS c (street, kind, last)
                    SELECT 1, m[1], max(m[2]::integer)
                      FROM unnest(\(streams)::text[]) AS s, regexp_match(s, '^[a-z]+:([A-Z])-([0-9]+)$') AS m
                     WHERE m IS NOT NULL
                     GROUP BY m[1]
                    ON CONFLICT (street, kind) DO UPDATE SET last = greatest(c.last, excluded.last)
                    """)
                let payloads = try chunk.map { batch -> String in
                    let items = try batch.events.map { event -> String in
                        let encoded = try event.encoded()
                        return
                            "{\"event_id\":\"\(UUID().uuidString.lowercased())\",\"type\":\"\(encoded.type)\",\"data\":\(encoded.data)}"
                    }
                    return "[" + items.joined(separator: ",") + "]"
                }
                try connection.query(
                    """
                    SELECT count(*) FROM unnest(\(streams)::text[], \(payloads)::text[]) AS b(stream, events),
                           LATERAL vigil.append(b.stream, -2, b.events::jsonb)
                    """)
                events += chunk.reduce(0) { $0 + $1.events.count }
            }
        }
    }
}
