import Postgres

/// Applies migrations in order, each in its own transaction, recording a checksum of each, then
/// every definition (a projection's functions) whose text changed since it was last applied.
///
/// An advisory lock keeps two processes from migrating at once; an applied migration whose
/// text has changed since is refused with a message naming its file.
public struct Migrator {
    /// Why migrating stopped.
    public enum Failure: Error, CustomStringConvertible {
        case changedAfterApplying(file: String)
        case unknownApplied(version: Int)
        case failed(file: String, error: PostgresError)
        case noCitus

        public var description: String {
            switch self {
            case .changedAfterApplying(let file):
                return "migration \(file) was changed after it was applied; restore it and add a new migration instead"
            case .unknownApplied(let version):
                return "the database has migration \(version), which this vigil does not know; use a newer vigil"
            case .failed(let file, let error):
                return "migration \(file) failed: \(error.message)"
            case .noCitus:
                return
                    "--distribute needs a Citus coordinator, and this database has no citus extension: "
                    + "install Citus, CREATE EXTENSION citus here and on every worker, add the workers, "
                    + "then run it again (Runbooks/scaling-out.md); on one server, run `vigil migrate` without it"
            }
        }
    }

    /// An arbitrary constant shared by every vigil process for the migration lock.
    static let lockKey: Int64 = 0x5649_4749_4C4D_4947

    public let migrations: [Migration]
    public let definitions: [Definition]

    /// A migrator for these migrations and definitions. Only the newest schema can take the
    /// definitions, so a migrator for some of the migrations (tests of upgrades) has none.
    public init(migrations: [Migration] = Migration.all, definitions: [Definition]? = nil) {
        self.migrations = migrations
        self.definitions =
            definitions ?? (migrations.map(\.version) == Migration.all.map(\.version) ? Definition.all : [])
    }

    /// Applies what is pending; returns the migrations it applied. With `distribute`, on a Citus
    /// coordinator, then distributes the tables by street (Schema/citus/distribute.sql).
    ///
    /// On a Citus coordinator whose log is not distributed yet, the migrations build plain tables
    /// on the coordinator, as on one server: Citus propagates nothing while they run (a view over
    /// a table it does not know would stop them), and distributing places the tables. Once the
    /// log is distributed, Citus propagates each later migration to the workers.
    @discardableResult
    public func migrate(_ connection: Connection, distribute: Bool = false) throws -> [Migration] {
        try connection.query("SELECT pg_advisory_lock(\(Migrator.lockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Migrator.lockKey))") }
        let cluster = try Cluster(connection)
        if distribute && !cluster.citus { throw Failure.noCitus }
        let local = cluster.citus && !cluster.distributed
        if local { try Migrator.propagate(false, connection) }
        defer { if local { try? Migrator.propagate(true, connection) } }
        try connection.execute(
            script: """
                CREATE SCHEMA IF NOT EXISTS vigil_meta;
                CREATE TABLE IF NOT EXISTS vigil_meta.migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """)
        let applied = try appliedChecksums(connection)
        let known = Set(migrations.map(\.version))
        if let unknown = applied.keys.sorted().first(where: { !known.contains($0) }) {
            throw Failure.unknownApplied(version: unknown)
        }
        var done: [Migration] = []
        let sorted = migrations.sorted(by: { $0.version < $1.version })
        for (migration, checksum) in zip(sorted, try Migrator.checksums(of: sorted, connection)) {
            if let recorded = applied[migration.version] {
                guard migration.accepts(recorded: recorded, current: checksum) else {
                    throw Failure.changedAfterApplying(file: migration.fileName)
                }
                continue
            }
            do {
                try connection.transaction { connection in
                    try connection.execute(script: migration.sql)
                    try connection.query(
                        """
                        INSERT INTO vigil_meta.migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(checksum))
                        """)
                }
            } catch let error as PostgresError {
                throw Failure.failed(file: migration.fileName, error: error)
            }
            done.append(migration)
        }
        for (definition, checksum) in try changedDefinitions(connection) {
            do {
                try connection.transaction { connection in
                    try connection.execute(script: definition.sql)
                    try connection.query(
                        """
                        INSERT INTO vigil_meta.definitions (name, checksum) VALUES (\(definition.name), \(checksum))
                        ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, applied_at = now()
                        """)
                }
            } catch let error as PostgresError {
                throw Failure.failed(file: definition.fileName, error: error)
            }
        }
        if distribute {
            if local { try Migrator.propagate(true, connection) }
            do {
                try connection.transaction { try $0.execute(script: Migrator.distribution) }
            } catch let error as PostgresError {
                throw Failure.failed(file: "citus/distribute.sql", error: error)
            }
        }
        try rebuildChangedProjections(connection)
        return done
    }

    /// Turns Citus's propagation of DDL to the workers on or off for this session.
    static func propagate(_ on: Bool, _ connection: Connection) throws {
        try connection.query("SELECT set_config('citus.enable_ddl_propagation', \(on ? "on" : "off"), false)")
    }

    /// What a database is: a Citus coordinator or not, and its log distributed or not.
    public struct Cluster: Sendable {
        public var citus: Bool
        public var distributed: Bool

        public init(_ connection: Connection) throws {
            citus =
                try connection.query(
                    "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') AS citus"
                ).first?.decode("citus", as: Bool.self) == true
            distributed =
                try citus
                && connection.query(
                    """
                    SELECT EXISTS (SELECT 1 FROM pg_dist_partition p
                                    WHERE p.logicalrelid = to_regclass('vigil.events')) AS distributed
                    """
                ).first?.decode("distributed", as: Bool.self) == true
        }
    }

    /// True when nothing is left to apply: no pending migration and no changed definition
    /// (read-only, like `pending`).
    public func isCurrent(_ connection: Connection) throws -> Bool {
        try pending(connection).isEmpty && changedDefinitions(connection).isEmpty
    }

    /// The definitions never applied to this database, or applied with another text, each with
    /// the checksum of its text.
    func changedDefinitions(_ connection: Connection) throws -> [(Definition, checksum: String)] {
        guard !definitions.isEmpty else { return [] }
        let all = zip(definitions, try Migrator.checksums(of: definitions, connection)).map { ($0, checksum: $1) }
        let exists = try connection.query("SELECT to_regclass('vigil_meta.definitions') IS NOT NULL AS present")
        guard try exists.rows.first?.decode("present", as: Bool.self) == true else { return all }
        var recorded: [String: String] = [:]
        for row in try connection.query("SELECT name, checksum FROM vigil_meta.definitions").rows {
            recorded[try row.decode("name", as: String.self)] = try row.decode("checksum", as: String.self)
        }
        return all.filter { recorded[$0.0.name] != $0.checksum }
    }

    /// Rebuilds every projection whose version changed since its tables were last built (a
    /// migration that changes a projection bumps its version), so reports never read tables
    /// shaped for an older version.
    func rebuildChangedProjections(_ connection: Connection) throws {
        let stale = try connection.query(
            "SELECT name FROM vigil.projections WHERE built_version IS DISTINCT FROM version ORDER BY name"
        ).rows.map { try $0.decode("name", as: String.self) }
        for name in stale {
            try connection.transaction { try $0.query("SELECT vigil.rebuild(\(name))") }
        }
    }

    /// The migrations not yet applied to this database, after checking that none of those
    /// applied was changed since (read-only: any user can run it at start-up).
    public func pending(_ connection: Connection) throws -> [Migration] {
        let exists = try connection.query("SELECT to_regclass('vigil_meta.migrations') IS NOT NULL AS present")
        guard try exists.rows.first?.decode("present", as: Bool.self) == true else { return migrations }
        let applied = try appliedChecksums(connection)
        let known = Set(migrations.map(\.version))
        if let unknown = applied.keys.sorted().first(where: { !known.contains($0) }) {
            throw Failure.unknownApplied(version: unknown)
        }
        for (migration, sum) in zip(migrations, try Migrator.checksums(of: migrations, connection)) {
            if let recorded = applied[migration.version], !migration.accepts(recorded: recorded, current: sum) {
                throw Failure.changedAfterApplying(file: migration.fileName)
            }
        }
        return migrations.filter { applied[$0.version] == nil }
    }

    private func appliedChecksums(_ connection: Connection) throws -> [Int: String] {
        let result = try connection.query("SELECT version, checksum FROM vigil_meta.migrations")
        var applied: [Int: String] = [:]
        for row in result.rows {
            applied[try row.decode("version", as: Int.self)] = try row.decode("checksum", as: String.self)
        }
        return applied
    }

    /// The checksum of each text, in order: the one embedded with it, else the server's.
    static func checksums(of texts: [some SchemaText], _ connection: Connection) throws -> [String] {
        let missing = texts.filter { $0.checksum == nil }.map(\.sql)
        var computed = try serverChecksums(of: missing, connection).makeIterator()
        return texts.map { $0.checksum ?? computed.next() ?? "" }
    }

    /// The server's SHA-256 of each text, in order (none asked for none).
    static func serverChecksums(of texts: [String], _ connection: Connection) throws -> [String] {
        guard !texts.isEmpty else { return [] }
        return try connection.query(
            """
            SELECT encode(sha256(convert_to(t, 'UTF8')), 'hex') AS sum
              FROM unnest(\(texts)::text[]) WITH ORDINALITY AS m(t, n) ORDER BY n
            """
        ).rows.map { try $0.decode("sum", as: String.self) }
    }
}
