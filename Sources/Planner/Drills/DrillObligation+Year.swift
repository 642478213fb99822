import Foundation

extension DrillObligation {
    /// A plan's drill obligations that fell due in one year: how many were owed, how many were
    /// met by a drill, and how many of those on or before their due date.
    public struct Tally: Sendable, Equatable {
        public var owed = 0
        public var held = 0
        public var onTime = 0

        public init(owed: Int = 0, held: Int = 0, onTime: Int = 0) {
            (self.owed, self.held, self.onTime) = (owed, held, onTime)
        }

        public static func + (lhs: Tally, rhs: Tally) -> Tally {
            Tally(owed: lhs.owed + rhs.owed, held: lhs.held + rhs.held, onTime: lhs.onTime + rhs.onTime)
        }
    }

    /// The obligations of one plan whose due date falls in `year`, on or before `date`, while
    /// the plan was in force, as the log stood at `instant`.
    ///
    /// An obligation is each value `asOf` gives the due date over time: the plan's start plus
    /// the cadence until the first drill, then each drill plus the cadence until the next one.
    /// The next drill meets it — on time when it is held on or before the due date.
    public static func tally(
        year: Int, asOf date: LocalDate, recordedAsOf instant: Date? = nil, history: History
    ) -> Tally {
        guard RecordedAsOf.shows(history.added, at: instant) else { return Tally() }
        let drills = Set(history.drills.compactMap { $0.known(at: instant) }.filter { $0 <= date }).sorted()
        var tally = Tally()
        for index in 0...drills.count {
            let base = index == 0 ? history.start : drills[index - 1]
            let due = base.adding(months: history.everyMonths)
            guard due.year == year, due <= date, isInForce(history, on: due, recordedAsOf: instant) else { continue }
            tally.owed += 1
            if index < drills.count {
                tally.held += 1
                if drills[index] <= due { tally.onTime += 1 }
            }
        }
        return tally
    }
}
