import Foundation
import Planner

/// The point of view of a report: the as-of date, and optionally the log as it stood at an
/// instant (late entries excluded).
public struct AsOf: Sendable, Equatable {
    public var date: LocalDate
    public var recorded: Date?

    public init(date: LocalDate, recorded: Date? = nil) {
        (self.date, self.recorded) = (date, recorded)
    }

    var dateText: String { date.description }
}
