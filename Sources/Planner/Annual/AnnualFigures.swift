import Foundation

/// The safety-production figures of a year's self-evaluation (绩效自评), each computed by the
/// same rules the reports use, as of a date and as the log stood at an instant — so the
/// printed evaluation can be reproduced, and equals what the shell says for the same year.
public struct AnnualFigures: Sendable, Equatable {
    /// A plan or a finding as the year's figures read it: its code, what else the report names
    /// it by (a plan's level, a finding's unit), its community and its history.
    public struct Record<Detail: Sendable & Equatable, History: Sendable & Equatable>: Sendable, Equatable {
        public var code: String
        public var detail: Detail
        public var community: String
        public var history: History

        public init(code: String, _ detail: Detail, community: String, history: History) {
            (self.code, self.detail, self.community, self.history) = (code, detail, community, history)
        }
    }

    /// A plan, with its level.
    public typealias Plan = Record<PlanLevel, DrillObligation.History>
    /// A finding, with its unit.
    public typealias Hazard = Record<String, Finding.History>

    /// Hazards found in the year, by what became of them by the year's end (or the as-of date).
    public struct Hazards: Sendable, Equatable {
        public var found = 0
        /// Rectified, whether or not verified since (everything not open any more).
        public var rectified = 0
        /// Verified as rectified (销号).
        public var closed = 0
        /// Still open and past the deadline.
        public var overdue = 0
        /// Rectified on or before the deadline fixed when found.
        public var onTime = 0
    }

    public var year: Int
    /// The last day the figures look at: the year's end, or the as-of date when earlier.
    public var end: LocalDate
    public var plansInForce: [PlanLevel: Int]
    public var drills: [PlanLevel: DrillObligation.Tally]
    public var hazards: Hazards
    /// Plans that owed a drill in the year and held none.
    public var plansWithoutDrills: [String]
    /// Findings of the year still open past their deadline at `end`.
    public var hazardsPastDeadline: [String]

    public var drillTotal: DrillObligation.Tally {
        drills.values.reduce(DrillObligation.Tally(), +)
    }

    /// The figures of `year` as of `date`, as the log stood at `instant` (nil: the whole log).
    public static func of(
        year: Int, asOf date: LocalDate, recordedAsOf instant: Date? = nil, plans: [Plan], hazards: [Hazard]
    ) -> AnnualFigures {
        let end = min(LocalDate(year: year, month: 12, day: 31) ?? date, date)
        var inForce: [PlanLevel: Int] = [:]
        var drills: [PlanLevel: DrillObligation.Tally] = [:]
        var withoutDrills: [String] = []
        for plan in plans {
            if DrillObligation.isInForce(plan.history, on: end, recordedAsOf: instant) {
                inForce[plan.detail, default: 0] += 1
            }
            let tally = DrillObligation.tally(year: year, asOf: date, recordedAsOf: instant, history: plan.history)
            drills[plan.detail, default: DrillObligation.Tally()] =
                drills[plan.detail, default: DrillObligation.Tally()] + tally
            if tally.owed > 0 && tally.held == 0 { withoutDrills.append(plan.code) }
        }
        var counts = Hazards()
        var pastDeadline: [String] = []
        for hazard in hazards where hazard.history.foundOn.year == year {
            guard let standing = Finding.asOf(end, recordedAsOf: instant, history: hazard.history) else { continue }
            counts.found += 1
            if standing.status != .open { counts.rectified += 1 }
            if standing.status == .closed { counts.closed += 1 }
            if standing.isOverdue {
                counts.overdue += 1
                pastDeadline.append(hazard.code)
            }
            let rectifiedOn = hazard.history.steps.compactMap { $0.known(at: instant) }
                .filter { $0.step == .rectified && $0.on <= end }.map(\.on).min()
            if let rectifiedOn, rectifiedOn <= hazard.history.due(at: instant) { counts.onTime += 1 }
        }
        return AnnualFigures(
            year: year, end: end, plansInForce: inForce, drills: drills, hazards: counts,
            plansWithoutDrills: withoutDrills, hazardsPastDeadline: pastDeadline)
    }
}
