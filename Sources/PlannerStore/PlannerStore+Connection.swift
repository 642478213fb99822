import EventStore
import Postgres

/// Cancels the statement running on the store's connection from a signal handler or another
/// thread (Ctrl-C in the shell).
public struct StatementCanceller: Sendable {
    let token: CancelToken

    /// Asks the server to cancel the running statement.
    public func cancel() {
        token.cancelRunningStatement()
    }
}

extension PlannerStore {
    /// Connects to the database at `conninfo`, its search path pinned to `searchPath`.
    public static func open(conninfo: String, searchPath: String? = nil) throws -> PlannerStore {
        try StoreError.translating {
            PlannerStore(connection: try EventStore.open(conninfo: conninfo, searchPath: searchPath).connection)
        }
    }

    /// The role the server authenticated.
    public var user: String { connection.user }

    /// The database connected to.
    public var database: String { connection.database }

    /// Runs `body` in one transaction: nothing of it stays when it throws.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try StoreError.translating {
            try connection.transaction { _ in try body() }
        }
    }

    /// Reopens a lost connection with the same settings.
    public func reconnect() throws {
        try StoreError.translating {
            try connection.reset()
        }
    }

    /// What cancels the statement running on this connection, when libpq can give one.
    public func canceller() -> StatementCanceller? {
        connection.cancelToken().map(StatementCanceller.init(token:))
    }
}
