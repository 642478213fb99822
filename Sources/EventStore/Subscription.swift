import Postgres

/// Follows the log of every street from a cursor: every committed event once, never skipping
/// one that commits late.
///
/// On one server the streets are merged in (transaction id, street, position) order below the
/// transaction horizon. On Citus each worker numbers its own transactions, so the log is
/// followed street by street instead: each street in position order, the streets side by side.
///
/// Notifications on `vigil_events` (sent by every append) only wake the follower early; it
/// always re-reads from its cursor, so a lost or coalesced notification loses nothing.
public struct Subscription {
    /// Where a follower stands.
    public enum Cursor: Sendable, Equatable {
        /// The merged log, after this checkpoint (one server).
        case merged(Checkpoint)
        /// Each street's log after the position given for it; a street not named, from its
        /// start (Citus).
        case streets([Int: Int64])
    }

    public let store: EventStore
    public private(set) var cursor: Cursor
    private var listening = false

    public init(store: EventStore, from cursor: Cursor = .merged(.start)) {
        (self.store, self.cursor) = (store, cursor)
    }

    /// Hands every event committed after the cursor to `handle`, advancing the cursor after
    /// each; when there is none, waits up to `wait` seconds for a notification first. Returns
    /// the number of events handled.
    @discardableResult
    public mutating func poll(wait: Double, _ handle: (RecordedEvent) throws -> Void) throws -> Int {
        if !listening {
            try store.connection.listen("vigil_events")
            listening = true
        }
        var handled = try drain(handle)
        if handled == 0 && wait > 0 {
            _ = try store.connection.notifications(timeout: wait)
            handled = try drain(handle)
        }
        return handled
    }

    private mutating func drain(_ handle: (RecordedEvent) throws -> Void) throws -> Int {
        var handled = 0
        while true {
            let page: [RecordedEvent]
            switch cursor {
            case .merged(let checkpoint): page = try store.readAll(after: checkpoint, limit: 500)
            case .streets(let positions): page = try store.readAll(afterStreetPositions: positions, limit: 500)
            }
            for event in page {
                try handle(event)
                switch cursor {
                case .merged: cursor = .merged(Checkpoint(after: event))
                case .streets(var positions):
                    positions[event.street] = event.position
                    cursor = .streets(positions)
                }
                handled += 1
            }
            if page.count < 500 { return handled }
        }
    }
}
