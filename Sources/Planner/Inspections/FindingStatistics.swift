import Foundation

/// One community's row of the 隐患排查治理 statistics for a period (`findings stats`).
///
/// This is the rule that report answers; the store answers it in SQL for speed, and the
/// PlannerStore tests hold that SQL against `of(from:to:asOf:recordedAsOf:communities:findings:)`.
public struct FindingStatistics: Sendable, Equatable {
    public var community: String
    public var generalFound = 0
    public var generalClosed = 0
    public var majorFound = 0
    public var majorClosed = 0
    public var majorWrittenOff = 0
    public var open = 0
    public var overdue = 0

    public init(
        community: String, generalFound: Int = 0, generalClosed: Int = 0, majorFound: Int = 0, majorClosed: Int = 0,
        majorWrittenOff: Int = 0, open: Int = 0, overdue: Int = 0
    ) {
        (
            self.community, self.generalFound, self.generalClosed, self.majorFound, self.majorClosed,
            self.majorWrittenOff, self.open, self.overdue
        ) = (community, generalFound, generalClosed, majorFound, majorClosed, majorWrittenOff, open, overdue)
    }
}

extension FindingStatistics {
    /// A finding as the statistics count it: where, how grave, and its history.
    public struct Counted: Sendable, Equatable {
        public var community: String
        /// The severity first recorded (the history's corrections may change it).
        public var severity: Severity
        public var history: Finding.History

        public init(community: String, severity: Severity, history: Finding.History) {
            (self.community, self.severity, self.history) = (community, severity, history)
        }
    }

    /// One row per community known at `instant` (nil: the whole log), in the order they were
    /// added: the findings found in `from…to` and recorded by `instant`, counted by severity
    /// and by status as of the period's end, or the as-of date if that is earlier (the rule of
    /// `Finding.asOf`). A major finding counts as written off once its write-off, dated on or
    /// before that end, was recorded by `instant`.
    public static func of(
        from: LocalDate, to: LocalDate, asOf date: LocalDate, recordedAsOf instant: Date? = nil,
        communities: [Recorded<String>], findings: [Counted]
    ) -> [FindingStatistics] {
        let end = min(to, date)
        return communities.compactMap { $0.known(at: instant) }.map { community in
            var row = FindingStatistics(community: community)
            for finding in findings where finding.community == community && finding.history.foundOn >= from {
                guard let standing = Finding.asOf(end, recordedAsOf: instant, history: finding.history) else {
                    continue
                }
                let closed = standing.status == .closed
                switch finding.history.severity(finding.severity, at: instant) {
                case .general:
                    row.generalFound += 1
                    if closed { row.generalClosed += 1 }
                case .major:
                    row.majorFound += 1
                    if closed { row.majorClosed += 1 }
                    if let writtenOff = finding.history.writtenOff?.known(at: instant), writtenOff <= end {
                        row.majorWrittenOff += 1
                    }
                }
                if standing.status == .open { row.open += 1 }
                if standing.isOverdue { row.overdue += 1 }
            }
            return row
        }
    }
}
