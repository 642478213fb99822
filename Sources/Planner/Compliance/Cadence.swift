/// How often a publicity campaign is owed.
public enum Cadence: String, Sendable, Codable, CaseIterable {
    case weekly
    case monthly
    case quarterly
    case holiday
}

/// Which periods a compliance question selects.
public enum PeriodSelection: Sendable, Equatable {
    /// Periods labelled with the year: ISO week-year for weeks, notice year for holidays.
    case year(Int)
    /// Periods lying wholly inside the range; holidays whose block starts inside it.
    case range(LocalDate, LocalDate)
}

/// One period a campaign is owed in, e.g. `2019-W14`, `2019-04`, `2019-Q2` or `2019 劳动节`.
public struct Period: Hashable, Sendable {
    public var label: String
    public var start: LocalDate
    public var end: LocalDate

    public init(label: String, start: LocalDate, end: LocalDate) {
        self.label = label
        self.start = start
        self.end = end
    }
}
