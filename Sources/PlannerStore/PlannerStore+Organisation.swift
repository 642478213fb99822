import EventStore
import Planner
import Postgres

/// A community and how many units it has.
public struct CommunitySummary: Sendable, Equatable {
    public var name: String
    public var units: Int
}

/// A unit as the unit list shows it.
public struct UnitSummary: Sendable, Equatable {
    public var name: String
    public var community: String
    public var kind: UnitKind
    public var keyFireUnit: Bool
    public var closedOn: LocalDate?
}

/// A plan as the plan list shows it: its cadence and the rule it comes from.
public struct PlanSummary: Sendable, Equatable {
    public var code: String
    public var name: String
    public var unit: String
    public var level: PlanLevel
    public var everyMonths: Int
    /// The rule that decided the cadence; empty when it was given with `--every`.
    public var rule: String
    public var startOn: LocalDate
    public var retiredOn: LocalDate?
}

extension PlannerStore {
    /// The communities in the order they were added, with their number of units.
    public func communities() throws -> [CommunitySummary] {
        try StoreError.translating {
            let street = try currentStreet()
            return try connection.query(
                """
                SELECT c.name, count(u.name) AS units FROM planner.communities c
                  LEFT JOIN planner.units u ON u.street = \(street) AND u.community = c.name
                 WHERE c.street = \(street)
                 GROUP BY c.name, c.position ORDER BY c.position
                """
            ).rows.map { CommunitySummary(name: try $0.decode("name"), units: try $0.decode("units")) }
        }
    }

    /// The units in the order they were added, optionally of one community.
    public func units(community: String? = nil) throws -> [UnitSummary] {
        try StoreError.translating {
            let street = try currentStreet()
            return try connection.query(
                """
                SELECT name, community, kind, key_fire_unit, closed_on::text AS closed_on FROM planner.units
                 WHERE street = \(street) AND (\(community)::text IS NULL OR community = \(community)::text)
                 ORDER BY position
                """
            ).rows.map { row in
                UnitSummary(
                    name: try row.decode("name"), community: try row.decode("community"),
                    kind: try row.choice("kind", UnitKind.self), keyFireUnit: try row.decode("key_fire_unit"),
                    closedOn: try row.optionalDate("closed_on"))
            }
        }
    }

    /// The plans by code, optionally of one unit.
    public func plans(unit: String? = nil) throws -> [PlanSummary] {
        try StoreError.translating {
            let street = try currentStreet()
            return try connection.query(
                """
                SELECT code, name, unit, level, every_months, coalesce(rule, '') AS rule,
                       start_on::text AS start_on, retired_on::text AS retired_on
                  FROM planner.plans
                 WHERE street = \(street) AND (\(unit)::text IS NULL OR unit = \(unit)::text)
                 ORDER BY number
                """
            ).rows.map { row in
                PlanSummary(
                    code: try row.decode("code"), name: try row.decode("name"), unit: try row.decode("unit"),
                    level: try row.choice("level", PlanLevel.self), everyMonths: try row.decode("every_months"),
                    rule: try row.decode("rule"), startOn: try row.date("start_on"),
                    retiredOn: try row.optionalDate("retired_on"))
            }
        }
    }

    /// The date the earliest drill of a plan was held on (as corrected), or nil: what a
    /// correction of the plan's start may not follow.
    public func firstDrillHeld(plan: String) throws -> LocalDate? {
        try StoreError.translating {
            let street = try currentStreet()
            return try connection.query(
                """
                SELECT min(conducted_on)::text AS first FROM planner.drills
                 WHERE street = \(street) AND plan = \(plan)::text AND status = 'conducted'
                """
            ).first?.optionalDate("first")
        }
    }

    /// The names and newest codes worth completing in the shell: communities, units,
    /// campaigns and the latest 200 plans, drills, findings and inspections of the session's
    /// street, and the streets and districts of the directory.
    public func completionNames() throws -> [String] {
        try StoreError.translating {
            let street = try currentStreet()
            return try connection.query(
                """
                SELECT name FROM planner.communities WHERE street = \(street)
                UNION ALL SELECT name FROM planner.units WHERE street = \(street)
                UNION ALL SELECT name FROM planner.campaigns WHERE street = \(street)
                UNION ALL (SELECT code FROM planner.plans WHERE street = \(street) ORDER BY number DESC LIMIT 200)
                UNION ALL (SELECT code FROM planner.drills WHERE street = \(street) ORDER BY number DESC LIMIT 200)
                UNION ALL (SELECT code FROM planner.findings WHERE street = \(street) ORDER BY number DESC LIMIT 200)
                UNION ALL (SELECT code FROM planner.inspections WHERE street = \(street) ORDER BY number DESC LIMIT 200)
                UNION ALL SELECT name FROM vigil.streets WHERE name IS NOT NULL
                UNION ALL SELECT name FROM vigil.districts
                """
            ).rows.map { try $0.decode("name", as: String.self) }
        }
    }
}
