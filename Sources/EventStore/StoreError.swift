import Postgres

/// A failure of the database below the stores, in the terms callers above them branch on, so
/// that the shell and the executable can tell the user what happened without speaking
/// PostgreSQL's own types.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, at the level callers branch on.
    public enum Kind: Sendable, Equatable {
        /// The connection could not be opened or was lost.
        case connection
        /// The server refused a statement; `sqlState` says why.
        case server
        /// The client library failed outside the server.
        case client
    }

    public var kind: Kind
    /// The five-character SQLSTATE, when the server sent one.
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?

    public init(kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil, hint: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
    }

    /// The store error a database error stands for, or nil when `error` did not come from the
    /// database (a domain refusal, a typed `EventStoreError`, …).
    public init?(_ error: any Error) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as PostgresError:
            let kind: Kind
            switch error.kind {
            case .connection: kind = .connection
            case .server: kind = .server
            case .client: kind = .client
            }
            self.init(
                kind: kind, sqlState: error.sqlState, message: error.message, detail: error.detail, hint: error.hint)
        default:
            return nil
        }
    }

    public var description: String { message }

    /// The user's roles do not allow the statement.
    public var isPermissionDenied: Bool {
        sqlState == PostgresError.State.insufficientPrivilege
    }

    /// A refusal raised on purpose by one of Vigil's own database functions (a bad value, a
    /// user that exists or does not), whose message is written for the user.
    public var isVigilRefusal: Bool {
        ["22023", "42710", "42704", PostgresError.State.raiseException].contains(sqlState ?? "")
    }
}

/// Runs `body`, turning a database error into a `StoreError`.
func translatingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PostgresError {
        throw StoreError(error) ?? error
    }
}
