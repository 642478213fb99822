import EventStore
import Foundation
import Postgres

/// A fresh database on the server `make test` starts, so each suite runs alone and in any order.
///
/// The server comes from `VIGIL_TEST_DATABASE_URL` (a libpq conninfo, as `scripts/pg.sh url`
/// prints it). Databases are named `vigil_test_…` and dropped when the value is released.
public final class TestDatabase {
    public let name: String
    public let conninfo: String
    private let serverConninfo: String

    /// The workers of the Citus cluster the tests run on (`make test-citus`): the conninfos in
    /// `VIGIL_TEST_CITUS_WORKERS`, one a line; none on one server.
    public static let citusWorkers: [String] =
        (ProcessInfo.processInfo.environment["VIGIL_TEST_CITUS_WORKERS"] ?? "")
        .split(separator: "\n").map(String.init).filter { !$0.isEmpty }

    /// Creates an empty database; with `migrated`, applies every migration to it. On a Citus
    /// cluster the database is made on every node, joined into one cluster and, with
    /// `distributed`, migrated and distributed by street (`vigil migrate --distribute`)
    /// whatever `migrated` says, so that the binary under test finds its tables placed;
    /// without, it is left empty, like a coordinator awaiting a restored dump.
    public init(migrated: Bool = true, distributed: Bool = true) throws {
        guard let server = ProcessInfo.processInfo.environment["VIGIL_TEST_DATABASE_URL"], !server.isEmpty
        else {
            throw PostgresError(
                kind: .connection,
                message: "VIGIL_TEST_DATABASE_URL is not set: run the tests with `make test`")
        }
        serverConninfo = server
        name = "vigil_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        conninfo = TestDatabase.conninfo(server, database: name)
        if !TestDatabase.citusWorkers.isEmpty {
            try CitusDatabase.create(name, coordinator: server, workers: TestDatabase.citusWorkers)
            if distributed { try Migrator().migrate(try connect(), distribute: true) }
            return
        }
        let admin = try Connection(conninfo: TestDatabase.conninfo(server, database: "postgres"))
        try admin.execute(script: "CREATE DATABASE " + Connection.quoteIdentifier(name))
        if migrated {
            try Migrator().migrate(try connect())
        }
    }

    deinit {
        CitusDatabase.drop(name, coordinator: serverConninfo, workers: TestDatabase.citusWorkers)
    }

    /// A new connection to this database as the server's superuser.
    public func connect() throws -> Connection {
        try Connection(conninfo: conninfo)
    }

    /// A new connection in which `user` (a login the test created) is the session user, as
    /// when that person connects with psql: the server's superuser connects and then becomes
    /// `user` for good. The test cluster authenticates only its OS owner (peer), and
    /// PostgreSQL 15's ident map cannot let that owner log in as any role.
    public func connect(as user: String) throws -> Connection {
        let connection = try connect()
        try connection.execute(script: "SET SESSION AUTHORIZATION " + Connection.quoteIdentifier(user))
        return connection
    }

    /// The server's conninfo with another database name (later keywords win in libpq).
    public static func conninfo(_ server: String, database: String) -> String {
        server + " dbname=" + database
    }
}

extension TestDatabase {
    /// The event types the event store's own tests append: generic ones of the stream kind `t`,
    /// registered in this database only, so the store is tested apart from the domain.
    public static let testEventTypes = [
        "Tested", "A", "B", "first", "second", "late", "after", "W", "Drill", "After", "Fine", "Poison",
    ]

    /// Registers `testEventTypes` in this database's `vigil.event_types`.
    public func registerTestEvents() throws {
        let fields = #"""
            [{"name": "n", "kind": "count", "required": false},
             {"name": "x", "kind": "text", "max_length": 100, "required": false},
             {"name": "writer", "kind": "count", "required": false},
             {"name": "名", "kind": "text", "max_length": 100, "required": false}]
            """#
        try connect().query(
            """
            INSERT INTO vigil.event_types (type, stream_kind, roles, schema_version, key, fields)
            SELECT t, 't', ARRAY['supervisor'], 1, NULL, \(fields)::jsonb FROM unnest(\(TestDatabase.testEventTypes)::text[]) AS t
            """)
        try connect().query("INSERT INTO vigil.stream_kinds VALUES ('t', NULL)")
    }
}

extension TestDatabase {
    /// Names streets in this database's directory (the first takes over street 1) and returns
    /// their numbers.
    @discardableResult
    public func addStreets(_ names: [String], district: String = "测试区") throws -> [Int] {
        let connection = try connect()
        return try names.map { name in
            try connection.query("SELECT vigil.street_add(\(name), \(district), NULL, NULL) AS street").first?
                .decode("street", as: Int.self) ?? 0
        }
    }

    /// A new connection working in one street (as `set street` does in the shell).
    public func connect(street: Int) throws -> Connection {
        let connection = try connect()
        try connection.query("SELECT set_config('vigil.street', \(String(street)), false)")
        return connection
    }
}
