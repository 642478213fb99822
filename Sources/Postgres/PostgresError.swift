/// An error reported by PostgreSQL or by libpq, with the server's diagnostic fields kept apart.
///
/// `description` is meant for users and logs: it never contains the connection string, so a
/// password given in it can never leak into a message.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, at the level callers branch on.
    public enum Kind: Sendable, Equatable {
        /// The connection could not be opened or was lost.
        case connection
        /// The server refused a statement; `sqlState` says why.
        case server
        /// libpq or this layer failed outside the server (bad value, protocol misuse).
        case client
    }

    public var kind: Kind
    /// The five-character SQLSTATE, when the server sent one (e.g. `23505`).
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?

    public init(
        kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil,
        hint: String? = nil, constraint: String? = nil
    ) {
        (self.kind, self.sqlState, self.message, self.detail, self.hint, self.constraint) = (
            kind, sqlState, message, detail, hint, constraint
        )
    }

    public var description: String {
        message
    }

    public var debugDescription: String {
        var parts = ["\(kind)"]
        if let sqlState { parts.append("SQLSTATE \(sqlState)") }
        parts.append(message)
        if let detail { parts.append("DETAIL: \(detail)") }
        if let hint { parts.append("HINT: \(hint)") }
        if let constraint { parts.append("CONSTRAINT: \(constraint)") }
        return parts.joined(separator: " | ")
    }

    /// Well-known SQLSTATE codes this project branches on.
    public enum State {
        public static let uniqueViolation = "23505"
        public static let foreignKeyViolation = "23503"
        public static let checkViolation = "23514"
        public static let raiseException = "P0001"
        public static let insufficientPrivilege = "42501"
        public static let serializationFailure = "40001"
        public static let deadlockDetected = "40P01"
        public static let queryCanceled = "57014"
        public static let adminShutdown = "57P01"
    }

    /// True when the statement may succeed if the whole transaction is retried.
    public var isTransient: Bool {
        sqlState == State.serializationFailure || sqlState == State.deadlockDetected
    }
}
