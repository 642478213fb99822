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

    /// Creates an empty database; with `migrated`, applies every migration to it.
    public init(migrated: Bool = true) throws {
        guard let server = ProcessInfo.processInfo.environment["VIGIL_TEST_DATABASE_URL"], !server.isEmpty
        else {
            throw PostgresError(
                kind: .connection,
                message: "VIGIL_TEST_DATABASE_URL is not set: run the tests with `make test`")
        }
        serverConninfo = server
        name = "vigil_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        conninfo = TestDatabase.conninfo(server, database: name)
        let admin = try Connection(conninfo: TestDatabase.conninfo(server, database: "postgres"))
        try admin.execute(script: "CREATE DATABASE " + Connection.quoteIdentifier(name))
        if migrated {
            try Migrator().migrate(try connect())
        }
    }

    deinit {
        if let admin = try? Connection(conninfo: TestDatabase.conninfo(serverConninfo, database: "postgres")) {
            try? admin.execute(script: "DROP DATABASE IF EXISTS " + Connection.quoteIdentifier(name) + " WITH (FORCE)")
        }
    }

    /// A new connection to this database as the server's superuser.
    public func connect() throws -> Connection {
        try Connection(conninfo: conninfo)
    }

    /// A new connection as another role (one the test created with LOGIN).
    public func connect(as user: String) throws -> Connection {
        try Connection(conninfo: conninfo + " user=" + user)
    }

    /// The server's conninfo with another database name (later keywords win in libpq).
    public static func conninfo(_ server: String, database: String) -> String {
        server + " dbname=" + database
    }
}
