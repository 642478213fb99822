import Foundation

/// How well one community kept one campaign over the periods required of it (DESIGN.md,
/// "Semantics that reports rely on"): a period is covered when at least one activity of the
/// campaign dated inside it was logged for the community and not retracted.
///
/// This is the rule `compliance` answers; the store matches activities to periods in SQL for
/// speed, and the PlannerStore tests hold that SQL against `of(_:activities:recordedAsOf:)`.
public struct Coverage: Sendable, Equatable {
    /// The periods required: selected by the question and ended by the as-of date, in order.
    public var required: [Period]
    /// The required periods that were not covered, in order.
    public var missing: [Period]

    public init(required: [Period], missing: [Period]) {
        (self.required, self.missing) = (required, missing)
    }

    public var covered: Int { required.count - missing.count }

    /// covered / required, 1.0 when nothing is required.
    public var rate: Double { Coverage.rate(covered: covered, required: required.count) }

    /// covered / required, 1.0 when nothing is required.
    public static func rate(covered: Int, required: Int) -> Double {
        required == 0 ? 1.0 : Double(covered) / Double(required)
    }
}

extension Coverage {
    /// A logged activity as coverage reads it: its date, and when its retraction was
    /// recorded if it was retracted.
    public struct Activity: Sendable, Equatable {
        public var on: LocalDate
        public var retracted: Date?

        public init(on date: LocalDate, retracted: Date? = nil) {
            (self.on, self.retracted) = (date, retracted)
        }
    }

    /// The community's coverage of `required` by the activities logged for it in the
    /// campaign, as the log stood at `instant` (nil: the whole log). A retraction counts for
    /// every as-of date once it is recorded; `instant` alone shows the record before it.
    public static func of(_ required: [Period], activities: [Recorded<Activity>], recordedAsOf instant: Date? = nil)
        -> Coverage
    {
        let counted = activities.compactMap { $0.known(at: instant) }.filter { activity in
            !(activity.retracted.map { RecordedAsOf.shows($0, at: instant) } ?? false)
        }
        let missing = required.filter { period in
            !counted.contains { period.start <= $0.on && $0.on <= period.end }
        }
        return Coverage(required: required, missing: missing)
    }
}

extension Campaign {
    /// The communities that owe the campaign as the log stood at `instant` (nil: the whole
    /// log): those in its scope that had been added by then, in the order given.
    public func owing(_ communities: [Recorded<String>], recordedAsOf instant: Date? = nil) -> [String] {
        communities.compactMap { $0.known(at: instant) }.filter(covers(community:))
    }
}
