import EventStore
import Foundation
import Postgres
import TestSupport
import Testing

/// Vigil on a real three-node Citus cluster (`make test-citus`, scripts/citus.sh): the tables
/// distributed by street, a street's work routed to one worker, and the log's guarantees (no
/// event lost, duplicated or reordered; tampering caught) kept while writers race and shards
/// move. Each test's database is made on every node and distributed by `TestDatabase`.
@Suite("Citus: Vigil distributed by street", .serialized)
struct CitusTests {
    @Test(
        "Every street-keyed table is distributed by street in one colocation group; the directory is a reference table")
    func distribution() throws {
        let database = try TestDatabase()
        let sql = try database.connect()
        let tables = try sql.query(
            """
            SELECT p.logicalrelid::text AS name, p.partmethod::text AS method,
                   coalesce(a.attname::text, '') AS key, p.colocationid AS colocation
              FROM pg_dist_partition p
              LEFT JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attnum = (
                   SELECT (regexp_match(p.partkey, ':varattno ([0-9]+)'))[1]::integer)
            """
        ).rows.map {
            (
                name: try $0.decode("name", as: String.self), method: try $0.decode("method", as: String.self),
                key: try $0.decode("key", as: String.self), colocation: try $0.decode("colocation", as: Int.self)
            )
        }
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        let log = try #require(byName["vigil.events"])
        #expect(log.method == "h" && log.key == "street")
        let streetKeyed = try sql.query(
            """
            SELECT c.oid::regclass::text AS name FROM pg_class c
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'street' AND NOT a.attisdropped
             WHERE c.relkind = 'r' AND c.relnamespace IN ('vigil'::regnamespace, 'planner'::regnamespace)
               AND c.oid NOT IN ('vigil.streets'::regclass, 'vigil.user_scopes'::regclass)
            """
        ).rows.map { try $0.decode("name", as: String.self) }
        #expect(streetKeyed.count >= 24, "\(streetKeyed)")
        for name in streetKeyed {
            let table = byName[name]
            #expect(
                table?.method == "h" && table?.key == "street" && table?.colocation == log.colocation,
                "\(name) is distributed by street beside the log")
        }
        for name in [
            "vigil.streets", "vigil.districts", "vigil.event_types", "vigil.stream_kinds", "vigil.user_scopes",
        ] {
            #expect(byName[name]?.method == "n", "\(name) is a reference table")
        }
        // The log's shards are spread over both workers, none on the coordinator.
        let placement = try sql.query(
            """
            SELECT nodename || ':' || nodeport AS node, count(*) AS shards FROM citus_shards
             WHERE table_name = 'vigil.events'::regclass GROUP BY 1 ORDER BY 1
            """
        ).rows.map { try $0.decode("shards", as: Int.self) }
        #expect(placement.count == 2 && placement.allSatisfy { $0 > 0 }, "\(placement)")
        // The append is delegated by its street, beside the log.
        let delegated = try sql.query(
            """
            SELECT o.distribution_argument_index AS argument, o.colocationid AS colocation, o.force_delegation AS forced
              FROM pg_dist_object o WHERE o.objid = 'vigil.append_to(integer, text, bigint, jsonb)'::regprocedure
            """
        ).first
        #expect(try delegated?.decode("argument", as: Int.self) == 0)
        #expect(try delegated?.decode("colocation", as: Int.self) == log.colocation)
        #expect(try delegated?.decode("forced", as: Bool.self) == true)
        // Running it again changes nothing.
        let again = try VigilBinary.run(["--db", database.conninfo, "migrate", "--distribute"])
        #expect(again.status == 0 && again.stdout.contains("the schema is up to date"), "\(again.stderr)")
    }

    @Test("A street's records and reports are routed to the one worker holding the street: no command fans out")
    func streetWorkIsRouted() throws {
        let database = try TestDatabase()
        let db = ["--db", database.conninfo]
        let directory = try VigilBinary.run(
            db + ["-c", "street add 甲街道 --district 硚口区; street add 乙街道 --district 硚口区"])
        try #require(directory.status == 0, "\(directory.stderr)")
        // From here on every statement that needs more than one task (one shard) is an error.
        try database.connect().execute(
            script:
                "ALTER DATABASE \(Connection.quoteIdentifier(database.name)) SET citus.multi_task_query_log_level = 'error'"
        )
        let folder = VigilBinary.packageRoot.appendingPathComponent("Tests/Acceptance/street-2017")
        let load = try VigilBinary.run(db + ["--street", "甲街道", "-f", "script.vgl"], in: folder)
        try #require(load.status == 0, "loading the year into 甲街道: \(load.stderr)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("citus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        func run(_ commands: [String]) throws {
            for command in commands {
                let result = try VigilBinary.run(db + ["--street", "甲街道", "--today", "2017-12-31", "-c", command])
                #expect(result.status == 0, "\(command): \(result.stderr)")
            }
        }
        try run([
            "drills overdue", "drills due", "drills missed", "drills list", "findings --overdue", "findings --open",
            "compliance summary --year 2017", "compliance 消防周宣传 --year 2017 --detail", "community list", "unit list",
            "plan list", "campaign list", "history P-1", "holiday list --year 2017", "budget list --year 2017",
            "calendar export --out '\(out.path)/drills.ics'",
        ])
        // A printed page is sealed over the street's records and the national ones (holiday
        // notices, street 0): one task for each of the two.
        try database.connect().execute(
            script:
                "ALTER DATABASE \(Connection.quoteIdentifier(database.name)) SET citus.multi_task_query_log_level = 'off'"
        )
        try run([
            "report compliance --year 2017 --out '\(out.path)/compliance.html'",
            "report annual --year 2017 --out '\(out.path)/annual.html'",
            "finding notice F-1 --out '\(out.path)/notice.html'",
        ])
        // The plan of a street's read names one task on one worker.
        let sql = try database.connect()
        let plan = try sql.query(
            """
            EXPLAIN SELECT e.position FROM vigil.events e
             WHERE e.street = \(try street(named: "甲街道", in: sql)) AND e.stream_id = 'plan:P-1'
            """
        ).rows.map { try $0.decode("QUERY PLAN", as: String.self) }.joined(separator: "\n")
        #expect(plan.contains("Task Count: 1"), "\(plan)")
        let append = try sql.query(
            """
            EXPLAIN SELECT * FROM vigil.append_to(\(try street(named: "乙街道", in: sql)), 'community:新社区', -2,
                '[{"event_id": "0e8f9a43-8a3e-4f43-9a53-6a0b7a1e1e11", "type": "CommunityAdded", "data": {"name": "新社区"}}]'::jsonb)
            """
        ).rows.map { try $0.decode("QUERY PLAN", as: String.self) }.joined(separator: "\n")
        let workers = try sql.query("SELECT nodename FROM pg_dist_node WHERE groupid <> 0").rows.map {
            try $0.decode("nodename", as: String.self)
        }
        #expect(
            append.contains("Task Count: 1") && workers.contains { append.contains("Node: host=\($0) ") },
            "the append is one call to a worker: \(append)")
    }

    @Test(
        "A supervisor and an inspector at the shell, each as themselves: codes, appends and photos on the street's worker"
    )
    func peopleAtTheShell() throws {
        let database = try TestDatabase()
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let (supervisor, inspector) = ("c\(suffix)_supervisor", "c\(suffix)_inspector")
        let admin = try VigilBinary.run([
            "--db", database.conninfo, "-c",
            "street add 甲街道 --district 硚口区; street add 乙街道 --district 硚口区; "
                + "user add \(supervisor) --role supervisor --street 甲街道; user add \(inspector) --role inspector --street 甲街道",
        ])
        try #require(admin.status == 0, "\(admin.stderr)")
        // The cluster's nodes trust their socket folders, so each person logs in as themselves.
        func run(_ user: String, _ commands: String) throws -> VigilBinary.Result {
            try VigilBinary.run([
                "--db", database.conninfo + " user=\(user)", "--today", "2017-07-31", "--format", "json", "-c",
                commands,
            ])
        }
        let planned = try run(
            supervisor,
            "community add 中心社区; unit add 中心小学 --community 中心社区 --kind primary-school; "
                + "plan add 疏散预案 --unit 中心小学 --level special --every 6m --from 2017-01-01; "
                + "drill schedule P-1 --on 2017-07-01; drill record D-1 --on 2017-07-01 --participants 30")
        #expect(planned.status == 0, "\(planned.stderr)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = folder.appendingPathComponent("通道.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<64).map { UInt8($0) }).write(to: photo)
        let inspected = try run(
            inspector,
            "inspection record 中心小学 --on 2017-07-02 --photo '\(photo.path)'; finding add I-1 消防通道堵塞 --severity general --within 7d"
        )
        #expect(inspected.status == 0, "\(inspected.stderr)")
        let findings = try run(inspector, "findings --open")
        #expect(findings.stdout.contains("F-1") && findings.stdout.contains("中心小学"), "\(findings.stdout)")
        // The photo's bytes come back unchanged, to the street's supervisor.
        let history = try run(supervisor, "history I-1").stdout
        let sha = try #require(
            history.range(of: "[0-9a-f]{64}", options: .regularExpression).map { String(history[$0]) }, "\(history)")
        let copy = folder.appendingPathComponent("copy.png")
        let got = try run(supervisor, "attachment get \(sha) --out '\(copy.path)'")
        #expect(got.status == 0, "\(got.stderr)")
        #expect(try Data(contentsOf: copy) == Data(contentsOf: photo))
        let drills = try run(supervisor, "drills list")
        #expect(drills.stdout.contains("D-1"), "\(drills.stdout)")
        let refused = try run(inspector, "set street 乙街道")
        #expect(refused.status != 0, "another street is not the inspector's")
        #expect(try EventStore(connection: try database.connect()).verify().isEmpty)
    }

    @Test("8 writers over 4 streets: every acknowledged event exactly once, each street's positions 1…n in order")
    func eightWriters() async throws {
        let database = try TestDatabase()
        try database.registerTestEvents()
        let streets = try database.addStreets(["一街道", "二街道", "三街道", "四街道"])
        let appends = 60
        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<8 {
                let street = streets[writer % 4]
                let conninfo = database.conninfo
                group.addTask {
                    try await onThread { try Self.write(conninfo, street: street, writer: writer, count: appends) }
                }
            }
            var all: [String] = []
            for try await ids in group { all += ids }
            return all
        }
        #expect(acknowledged.count == 8 * appends)
        try expectWhole(database, streets: streets, acknowledged: acknowledged)
    }

    @Test("A street's shard moved to the other worker while its street is written: nothing lost, nothing twice")
    func shardMoveWhileWriting() async throws {
        let database = try TestDatabase()
        try database.registerTestEvents()
        let streets = try database.addStreets(["甲街道", "乙街道"])
        let sql = try database.connect()
        let shard = try #require(
            try sql.query(
                """
                SELECT s.shardid, s.nodename, s.nodeport FROM citus_shards s
                 WHERE s.shardid = get_shard_id_for_distribution_column('vigil.events', \(streets[0])::integer)
                """
            ).first)
        let shardID: Int64 = try shard.decode("shardid")
        let from: String = try shard.decode("nodename")
        let fromPort: Int = try shard.decode("nodeport")
        let to = try #require(
            try sql.query(
                "SELECT nodename, nodeport FROM pg_dist_node WHERE shouldhaveshards AND nodename <> \(from) LIMIT 1"
            ).first)
        let toName: String = try to.decode("nodename")
        let toPort: Int = try to.decode("nodeport")
        let conninfo = database.conninfo
        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<4 {
                let street = streets[writer % 2]
                group.addTask {
                    try await onThread { try Self.write(conninfo, street: street, writer: writer, count: 80) }
                }
            }
            group.addTask {
                try await onThread {
                    let mover = try Connection(conninfo: conninfo)
                    try mover.query(
                        """
                        SELECT citus_move_shard_placement(\(shardID)::bigint, \(from)::text, \(fromPort)::integer,
                                                          \(toName)::text, \(toPort)::integer)
                        """)
                    return []
                }
            }
            var all: [String] = []
            for try await ids in group { all += ids }
            return all
        }
        let now: String =
            try sql.query("SELECT nodename FROM citus_shards WHERE shardid = \(shardID)").first?.decode("nodename")
            ?? ""
        #expect(now == toName, "the shard moved")
        #expect(acknowledged.count == 4 * 80)
        try expectWhole(database, streets: streets, acknowledged: acknowledged)
    }

    @Test(
        "A change made on a worker behind the coordinator's back is named by verify; one with its chain recomputed breaks the seal"
    )
    func tamperOnWorker() throws {
        let database = try TestDatabase()
        try database.registerTestEvents()
        let streets = try database.addStreets(["甲街道", "乙街道"])
        _ = try Self.write(database.conninfo, street: streets[1], writer: 1, count: 5)
        let store = EventStore(connection: try database.connect())
        #expect(try store.verify().isEmpty)
        let seal = try store.seal()
        let sql = try database.connect()
        func shard(_ table: String) throws -> (name: String, node: Connection) {
            let row = try #require(
                try sql.query(
                    """
                    SELECT s.shard_name::text AS shard, s.nodename, s.nodeport FROM citus_shards s
                     WHERE s.shardid = get_shard_id_for_distribution_column(\(table)::regclass, \(streets[1])::integer)
                    """
                ).first)
            let host: String = try row.decode("nodename")
            let port: Int = try row.decode("nodeport")
            let node = try Connection(
                conninfo: "host=\(host) port=\(port) dbname=\(database.name) user=\(sql.user)")
            // What a superuser of the worker may do: change a shard by hand.
            try node.execute(script: "SET citus.enable_manual_changes_to_shards = on")
            return (try row.decode("shard"), node)
        }
        let events = try shard("vigil.events")
        try events.node.execute(
            script: """
                ALTER TABLE \(events.name) DISABLE TRIGGER ALL;
                UPDATE \(events.name) SET data = data || '{"x": "forged"}' WHERE street = \(streets[1]) AND position = 3;
                """)
        let problems = try store.verify()
        #expect(problems.map(\.position) == [3] && problems.first?.kind == .altered, "\(problems)")
        let named = try VigilBinary.run(["--db", database.conninfo, "verify"])
        #expect(named.status == 1 && named.stdout.contains("position 3"), "\(named.stdout)\(named.stderr)")

        // The forger recomputes the event's hash and the stream's head on the worker: the chain
        // holds again, and only the seal taken before tells.
        let heads = try shard("vigil.streams")
        try events.node.execute(
            script: """
                UPDATE \(events.name) e SET hash = vigil.event_hash(NULL, ROW(e.*)::vigil.events)
                 WHERE street = \(streets[1]) AND position = 3;
                """)
        try heads.node.execute(
            script: """
                ALTER TABLE \(heads.name) DISABLE TRIGGER ALL;
                UPDATE \(heads.name) s SET head_hash = e.hash FROM \(events.name) e
                 WHERE s.street = e.street AND s.stream_id = e.stream_id AND e.street = \(streets[1]) AND e.position = 3;
                """)
        #expect(try store.verify().isEmpty, "the chain was recomputed")
        #expect(try !store.matches(seal))
        let cli = try VigilBinary.run(["--db", database.conninfo, "verify", "--seal", seal.description])
        #expect(cli.status == 1, "\(cli.stdout)\(cli.stderr)")
    }

    // MARK: - helpers

    /// One writer's appends to streams of its own in one street, each an autocommitted call
    /// delegated to the street's worker; returns the ids of the events acknowledged.
    static func write(_ conninfo: String, street: Int, writer: Int, count: Int) throws -> [String] {
        let store = EventStore(connection: try Connection(conninfo: conninfo))
        var ids: [String] = []
        for index in 0..<count {
            let event = NewEvent(type: "W", data: #"{"writer": \#(writer), "n": \#(index)}"#)
            try store.append([event], to: "t:w\(writer)-\(index)", expected: .noStream, street: street)
            ids.append(event.id.uuidString.lowercased())
        }
        return ids
    }

    /// Each street's log holds positions 1…n with no gap or repeat, every acknowledged event
    /// once, and its hash chains verify.
    func expectWhole(_ database: TestDatabase, streets: [Int], acknowledged: [String]) throws {
        let sql = try database.connect()
        for street in streets {
            let positions = try sql.query(
                "SELECT position FROM vigil.events WHERE street = \(street) ORDER BY position"
            ).rows.map { try $0.decode("position", as: Int64.self) }
            #expect(positions == Array(1...Int64(positions.count)), "street \(street): \(positions.count) events")
        }
        let stored = try sql.query(
            "SELECT event_id::text AS id FROM vigil.events WHERE street = ANY (\(streets)::integer[])"
        ).rows.map { try $0.decode("id", as: String.self) }
        #expect(stored.count == acknowledged.count && Set(stored) == Set(acknowledged))
        #expect(try EventStore(connection: sql).verify().isEmpty)
    }

    func street(named name: String, in sql: Connection) throws -> Int {
        try sql.query("SELECT vigil.street_id(\(name)) AS street").first?.decode("street") ?? 0
    }
}
