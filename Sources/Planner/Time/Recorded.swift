import Foundation

/// The rule of `set recorded-as-of T`: the log as it stood at T, with every event recorded
/// after T ignored, whatever it is (DESIGN.md, "Semantics that reports rely on").
public enum RecordedAsOf {
    /// True when an event recorded at `recordedAt` is part of the log as it stood at
    /// `instant`; nil stands for the whole log.
    public static func shows(_ recordedAt: Date, at instant: Date?) -> Bool {
        guard let instant else { return true }
        return recordedAt <= instant
    }
}

/// A fact as the log holds it: what it says, and the instant the database recorded it.
///
/// Every event records two times, when it happened (a date inside `value`) and when it was
/// recorded; the report rules need both.
public struct Recorded<Value: Sendable>: Sendable {
    public var value: Value
    public var recordedAt: Date

    public init(_ value: Value, recordedAt: Date) {
        (self.value, self.recordedAt) = (value, recordedAt)
    }

    /// True when the fact is part of the log as it stood at `instant` (nil: the whole log).
    public func isKnown(at instant: Date?) -> Bool {
        RecordedAsOf.shows(recordedAt, at: instant)
    }

    /// The value when the fact is part of the log as it stood at `instant`, else nil.
    public func known(at instant: Date?) -> Value? {
        isKnown(at: instant) ? value : nil
    }
}

extension Recorded: Equatable where Value: Equatable {}

/// A fact that corrections may change: the value first recorded, then each correction's, with
/// the instants they were recorded. As the log stood at an instant, the latest version recorded
/// by then holds; before the first was recorded, none.
public struct Revisions<Value: Sendable>: Sendable {
    /// The versions in the order recorded: the original first.
    public var versions: [Recorded<Value>]

    public init(_ original: Recorded<Value>) {
        versions = [original]
    }

    public init(versions: [Recorded<Value>]) {
        self.versions = versions
    }

    /// The latest version recorded by `instant` (nil: the whole log), or nil when none was.
    public func known(at instant: Date?) -> Value? {
        versions.last { $0.isKnown(at: instant) }?.value
    }

    /// The value as the whole log holds it.
    public var latest: Value? { versions.last?.value }

    /// Adds a correction's value, recorded at `recordedAt`.
    public mutating func correct(_ value: Value, recordedAt: Date) {
        versions.append(Recorded(value, recordedAt: recordedAt))
    }
}

extension Revisions: Equatable where Value: Equatable {}
