import Postgres

/// Follows the log of every street from a checkpoint: every committed event once, in
/// (transaction id, street, position) order, never skipping one that commits late.
///
/// Notifications on `vigil_events` (sent by every append) only wake the follower early; it
/// always re-reads from its checkpoint, so a lost or coalesced notification loses nothing.
public struct Subscription {
    public let store: EventStore
    public private(set) var checkpoint: Checkpoint
    private var listening = false

    public init(store: EventStore, from checkpoint: Checkpoint = .start) {
        (self.store, self.checkpoint) = (store, checkpoint)
    }

    /// Hands every event committed after the checkpoint to `handle`, advancing the checkpoint
    /// after each; when there is none, waits up to `wait` seconds for a notification first.
    /// Returns the number of events handled.
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
            let page = try store.readAll(after: checkpoint, limit: 500)
            for event in page {
                try handle(event)
                checkpoint = Checkpoint(after: event)
                handled += 1
            }
            if page.count < 500 { return handled }
        }
    }
}
