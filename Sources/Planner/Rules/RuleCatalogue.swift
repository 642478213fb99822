/// The rules Vigil ships (RULES.md), plus any local overrides, and the "strictest rule in force
/// wins" resolution of a plan's drill cadence.
public struct RuleCatalogue: Sendable {
    public var rules: [Rule]

    public init(rules: [Rule] = RuleCatalogue.shipped) {
        self.rules = rules
    }

    /// The drill rules that apply to a plan of this level at a unit of this kind on a date.
    public func drillRules(kind: UnitKind, keyFireUnit: Bool, level: PlanLevel, on date: LocalDate) -> [Rule] {
        rules.filter {
            $0.obligation == .drill && $0.months != nil && $0.inForce <= date
                && $0.scope.matches(kind: kind, keyFireUnit: keyFireUnit, level: level)
        }
    }

    /// The strictest drill rule in force (the shortest interval), or nil when none applies.
    public func drillCadence(kind: UnitKind, keyFireUnit: Bool, level: PlanLevel, on date: LocalDate) -> Rule? {
        drillRules(kind: kind, keyFireUnit: keyFireUnit, level: level, on: date)
            .min { ($0.months ?? .max, $0.id) < ($1.months ?? .max, $1.id) }
    }

    /// The inspection rules with a cadence that apply to a unit of this kind on a date.
    public func inspectionRules(kind: UnitKind, keyFireUnit: Bool, on date: LocalDate) -> [Rule] {
        rules.filter {
            $0.obligation == .inspection && $0.months != nil && $0.inForce <= date
                && $0.scope.matches(kind: kind, keyFireUnit: keyFireUnit, level: nil)
        }
    }

    /// The strictest inspection rule in force (the shortest interval), or nil when none
    /// applies: the same lookup as `drillCadence`, by unit kind and key-fire-unit flag.
    public func inspectionCadence(kind: UnitKind, keyFireUnit: Bool, on date: LocalDate) -> Rule? {
        inspectionRules(kind: kind, keyFireUnit: keyFireUnit, on: date)
            .min { ($0.months ?? .max, $0.id) < ($1.months ?? .max, $1.id) }
    }

    /// Every rule that applies to a unit of this kind, whatever the obligation.
    public func rules(kind: UnitKind, keyFireUnit: Bool, on date: LocalDate) -> [Rule] {
        rules.filter { $0.inForce <= date && $0.scope.matches(kind: kind, keyFireUnit: keyFireUnit, level: nil) }
    }
}
