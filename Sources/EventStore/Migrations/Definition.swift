/// Code the database runs that holds no data of its own, embedded in the binary: the log's
/// functions from `Schema/functions/NAME.sql`, a projection's from `Schema/projections/NAME.sql`.
///
/// Unlike a migration, a definition is not frozen once applied: it is applied again whenever its
/// text changes, so a projection is edited in one file in place instead of being copied into a
/// new migration. A file that defines a projection ends by registering it with a new version, so
/// the migrator then rebuilds its tables from the log.
public struct Definition: Sendable {
    public var name: String
    /// The folder under `Schema/` it comes from: `functions` or `projections`.
    public var folder: String
    public var sql: String

    public init(name: String, folder: String = "projections", sql: String) {
        (self.name, self.folder, self.sql) = (name, folder, sql)
    }

    /// The file it came from, for messages.
    public var fileName: String { folder + "/" + name + ".sql" }
}
