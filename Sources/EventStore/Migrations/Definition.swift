/// Code the database runs that holds no data of its own, embedded in the binary: the log's
/// functions from `Schema/functions/NAME.sql`, a projection's from `Schema/projections/NAME.sql`.
///
/// Unlike a migration, a definition is not frozen once applied: it is applied again whenever its
/// text changes, so a projection is edited in one file in place instead of being copied into a
/// new migration. A file that defines a projection ends by registering it with a new version, so
/// the migrator then rebuilds its tables from the log.
public struct Definition: SchemaText, Sendable {
    public var name: String
    /// The folder under `Schema/` it comes from: `functions` or `projections`.
    public var folder: String
    /// Its text; editing it drops the embedded checksum, so the server computes the new one.
    public var sql: String { didSet { checksum = nil } }
    public var checksum: String?

    public init(name: String, folder: String = "projections", checksum: String? = nil, sql: String) {
        (self.name, self.folder, self.sql, self.checksum) = (name, folder, sql, checksum)
    }

    /// The file it came from, for messages.
    public var fileName: String { folder + "/" + name + ".sql" }
}

/// A text the migrator applies and records by its SHA-256 (hex, of its UTF-8 bytes). An embedded
/// one carries it, computed by scripts/embed-schema.sh, so that the check every `vigil` start
/// makes sends no schema text to the server; one made in code leaves it to the server.
public protocol SchemaText {
    var sql: String { get }
    var checksum: String? { get }
}
