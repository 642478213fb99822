/// A legal or local cadence for an obligation, with where it comes from and when it applies.
public struct Rule: Sendable, Equatable, Identifiable {
    /// How sure we are of the source: read in the law, found quoted, or not yet confirmed.
    public enum Status: String, Sendable {
        case law = "LAW"
        case found = "FOUND"
        case memory = "MEMORY"
        case local = "LOCAL"
    }

    public enum Obligation: String, Sendable {
        case drill, inspection, patrol, training, evaluation, publicity, revision
    }

    /// Which units (and plans) a rule applies to.
    public struct Scope: Sendable, Equatable {
        public var kinds: Set<UnitKind>?
        public var keyFireUnit: Bool?
        public var levels: Set<PlanLevel>?

        public init(kinds: Set<UnitKind>? = nil, keyFireUnit: Bool? = nil, levels: Set<PlanLevel>? = nil) {
            (self.kinds, self.keyFireUnit, self.levels) = (kinds, keyFireUnit, levels)
        }

        public func matches(kind: UnitKind, keyFireUnit flag: Bool, level: PlanLevel?) -> Bool {
            if let kinds, !kinds.contains(kind) { return false }
            if let keyFireUnit, keyFireUnit != flag { return false }
            if let levels, let level, !levels.contains(level) { return false }
            return true
        }
    }

    public var id: String
    public var obligation: Obligation
    public var summary: String
    /// The rolling interval in months (drills: no more than this after the last one), or nil
    /// for event-driven and daily rules.
    public var months: Int?
    public var cadenceText: String
    public var scope: Scope
    public var scopeText: String
    public var inForce: LocalDate
    public var source: String
    public var status: Status
    /// For publicity, the campaign that keeps the rule: its cadence with its window, day or
    /// month (`campaign define NAME --cadence fixed-day --on 11-09 --window 7d`); nil when no
    /// campaign cadence fits (a day set anew each year).
    public var campaign: Schedule?

    public init(
        id: String, obligation: Obligation, summary: String, months: Int?, cadenceText: String,
        scope: Scope, scopeText: String, inForce: LocalDate, source: String, status: Status,
        campaign: Schedule? = nil
    ) {
        (
            self.id, self.obligation, self.summary, self.months, self.cadenceText, self.scope, self.scopeText,
            self.inForce, self.source, self.status, self.campaign
        ) = (id, obligation, summary, months, cadenceText, scope, scopeText, inForce, source, status, campaign)
    }
}
