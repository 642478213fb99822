/// Code the database runs that holds no data of its own — a projection's functions — from
/// `Schema/projections/NAME.sql`, embedded in the binary.
///
/// Unlike a migration, a definition is not frozen once applied: it is applied again whenever its
/// text changes, so a projection is edited in one file in place instead of being copied into a
/// new migration. A file that defines a projection ends by registering it with a new version, so
/// the migrator then rebuilds its tables from the log.
public struct Definition: Sendable {
    public var name: String
    public var sql: String

    public init(name: String, sql: String) {
        (self.name, self.sql) = (name, sql)
    }

    /// The file it came from, for messages.
    public var fileName: String { "projections/" + name + ".sql" }
}
