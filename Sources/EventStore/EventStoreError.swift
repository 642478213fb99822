import Postgres

/// Refusals of the event store, each with what the caller needs to react.
public enum EventStoreError: Error, Equatable, CustomStringConvertible {
    /// The stream was not at the expected version; nothing was written.
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: Int)
    /// The event ids were appended before with different content.
    case idempotencyConflict(stream: String)
    /// The user's roles may not append this event type; `roles` are those that may.
    case permissionDenied(eventType: String, roles: [String])
    /// A projection failed on an event; the message names both.
    case projectionFailed(message: String)
    /// The event does not fit its type's definition (stream kind, payload, codes, version).
    case invalidEvent(eventType: String, message: String)

    public var description: String {
        switch self {
        case .wrongExpectedVersion(let stream, let expected, let actual):
            return "\(stream) is at version \(actual), expected \(expected)"
        case .idempotencyConflict(let stream):
            return "the event ids of this append to \(stream) were already used with other content"
        case .permissionDenied(let type, let roles):
            return "permission denied to record \(type); needs one of: \(roles.joined(separator: ", "))"
        case .projectionFailed(let message):
            return message
        case .invalidEvent(_, let message):
            return "the log refused the event: \(message)"
        }
    }

    /// Maps the append function's SQLSTATEs to typed errors; other errors pass through.
    static func from(_ error: PostgresError, stream: String, expected: ExpectedVersion) -> any Error {
        switch error.sqlState {
        case "VG001":
            return EventStoreError.wrongExpectedVersion(
                stream: stream, expected: expected, actual: Int(error.detail ?? "") ?? -1)
        case "VG002":
            return EventStoreError.idempotencyConflict(stream: stream)
        case "VG003":
            let roles = (error.hint ?? "").split(separator: ",").map { $0.trimmingCharacters(in: " ") }
            return EventStoreError.permissionDenied(eventType: error.detail ?? "", roles: roles)
        case "VG004":
            return EventStoreError.projectionFailed(message: error.message)
        case "VG006":
            return EventStoreError.invalidEvent(eventType: error.detail ?? "", message: error.message)
        default:
            return error
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
