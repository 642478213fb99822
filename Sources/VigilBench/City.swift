import EventStore
import Foundation
import Planner
import Postgres

/// Loads the generated city through vigil.append, many streams per statement.
enum City {
    static func load(_ database: Scratch, streets: Int, into report: inout Report) throws -> Int {
        var connection = try database.connect()
        var generator = CityGenerator(streets: streets)
        var counters: [String: Int] = [:]
        var total = 0
        var loader = Loader(connection: connection)
        let elapsed = try seconds {
            let organisation = generator.organisation()
            try loader.append(organisation.batches)
            for year in generator.firstYear..<(generator.firstYear + generator.years) {
                let batches = generator.year(
                    year, plans: organisation.plans, units: organisation.units, counters: &counters)
                try loader.append(batches)
                // A session plans vigil.append's statements once; a session that started on
                // empty tables would keep plans made for empty tables. Refresh both yearly.
                try connection.execute(script: "ANALYZE")
                connection = try database.connect()
                loader = Loader(connection: connection, events: loader.events)
                FileHandle.standardError.write(Data("bench: loaded \(year), \(loader.events) events so far\n".utf8))
            }
            total = loader.events
        }
        try connection.execute(script: "ANALYZE")
        report.add("load through vigil.append", Double(total) / elapsed, "ev/s")
        report.notes.append(
            "city: \(streets) streets × 11 communities, \(generator.years) years, \(total) events, loaded in \(String(format: "%.0f", elapsed)) s"
        )
        return total
    }

    struct Loader {
        let connection: Connection
        var events = 0

        init(connection: Connection, events: Int = 0) {
            (self.connection, self.events) = (connection, events)
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
