/// The rates of the annual self-evaluation (绩效自评) that carry a target. Each is 100 % unless
/// the office sets another for a year (`target set INDICATOR --year Y --percent N`).
public enum Indicator: String, Codable, Sendable, CaseIterable {
    /// Drill obligations falling due in the year that were met on or before their due date.
    case drillsOnTime = "drills-on-time"
    /// Campaign periods of the year that were kept by the communities owing them.
    case campaignsKept = "campaigns-kept"
    /// Hazards found in the year that were closed (rectified and verified).
    case hazardsClosed = "hazards-closed"
    /// Hazards found in the year that were rectified by their deadline.
    case hazardsOnTime = "hazards-on-time"
}

/// A year's targets: the percent set for each indicator, 100 where none was set.
public struct Targets: Aggregate, Equatable {
    public var year: Int?
    public var percents: [Indicator: Int] = [:]

    public static let initial = Targets(year: nil)

    public init(year: Int?, percents: [Indicator: Int] = [:]) {
        (self.year, self.percents) = (year, percents)
    }

    public var exists: Bool { year != nil }

    public func evolve(_ event: Event) -> Targets {
        guard case .targetSet(let e) = event else { return self }
        var next = self
        next.year = e.year
        next.percents[e.indicator] = e.percent
        return next
    }

    /// The target of an indicator: the one set, else 100 %.
    public func percent(_ indicator: Indicator) -> Int {
        percents[indicator] ?? 100
    }

    /// `target set INDICATOR --year Y --percent N`
    public static func set(_ indicator: Indicator, year: Int, percent: Int, state: Targets) throws -> [Event] {
        try Budget.checkYear(year)
        guard (0...100).contains(percent) else {
            throw DomainError(
                "--percent \(percent) is not a percentage; give 0 to 100", "--percent \(percent) 不是百分比；应为 0 到 100")
        }
        return [.targetSet(TargetSet(indicator: indicator, year: year, percent: percent))]
    }
}
