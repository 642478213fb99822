import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A notification received through `LISTEN`.
public struct Notification: Sendable, Equatable {
    public var channel: String
    public var payload: String
    public var senderPID: Int32
}

extension Connection {
    /// Starts listening on a channel (the name is quoted, so any text is safe).
    public func listen(_ channel: String) throws {
        try execute(script: "LISTEN " + Connection.quoteIdentifier(channel))
    }

    /// Stops listening on a channel.
    public func unlisten(_ channel: String) throws {
        try execute(script: "UNLISTEN " + Connection.quoteIdentifier(channel))
    }

    /// Sends a notification with `pg_notify`, whose arguments are bound parameters.
    public func notify(_ channel: String, payload: String = "") throws {
        try query("SELECT pg_notify(\(channel), \(payload))")
    }

    /// Waits up to `timeout` seconds for notifications and returns those that arrived.
    public func notifications(timeout: Double) throws -> [Notification] {
        var received = drainNotifications()
        if !received.isEmpty { return received }
        let socket = socketDescriptor
        guard socket >= 0 else { throw connectionError() }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(timeout * 1000))
        if ready > 0 {
            guard consumeInput() else { throw connectionError() }
            received = drainNotifications()
        }
        return received
    }

    /// Quotes an identifier the way `quote_ident` does.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
