import Postgres

/// A failure of the database below the stores, in the terms callers above them branch on, so
/// that the shell and the executable can tell the user what happened without speaking
/// PostgreSQL's own types. It wraps the database's error, whose fields `PostgresError`
/// declares, and shows only what callers act on.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    let cause: PostgresError

    init(_ cause: PostgresError) {
        self.cause = cause
    }

    /// The server's or the client library's message, free of the connection string.
    public var message: String { cause.message }

    /// The server's hint, when it sent one.
    public var hint: String? { cause.hint }

    public var description: String { message }

    /// The connection could not be opened or was lost.
    public var isConnectionLost: Bool { cause.kind == .connection }

    /// The user's roles do not allow the statement.
    public var isPermissionDenied: Bool {
        cause.sqlState == PostgresError.State.insufficientPrivilege
    }

    /// A refusal raised on purpose by one of Vigil's own database functions (a bad value, a
    /// user that exists or does not), whose message is written for the user.
    public var isVigilRefusal: Bool {
        ["22023", "42710", "42704", PostgresError.State.raiseException].contains(cause.sqlState ?? "")
    }

    /// Runs `body`, turning a database error into a `StoreError`: what the stores' public
    /// methods do at their boundary, so that callers above them never see a `PostgresError`.
    @discardableResult
    public static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError {
            throw StoreError(error)
        }
    }
}
