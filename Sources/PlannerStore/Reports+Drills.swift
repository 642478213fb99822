import EventStore
import Foundation
import Planner
import Postgres

/// One plan in force and its drill obligation as of a date.
public struct DrillObligationRow: Sendable, Equatable {
    /// The street the plan is kept in.
    public var street: Int
    public var plan: String
    public var planName: String
    public var unit: String
    public var community: String
    public var obligation: DrillObligation
}

/// A drill as the drill list shows it.
public struct DrillRow: Sendable, Equatable {
    public var drill: String
    public var plan: String
    public var unit: String
    public var scheduledOn: LocalDate?
    public var status: Drill.Status
    public var conductedOn: LocalDate?
    public var participants: Int?
    public var rating: DrillRating?
}

extension PlannerStore {
    /// Every plan in force on the as-of date with its obligation, most overdue first (street by
    /// street, in a roll-up): the rule of `DrillObligation.asOf(_:recordedAsOf:history:)`,
    /// answered in SQL for speed. `overdueOnly` keeps the overdue (`isOverdue`) alone.
    public func drillObligations(_ asOf: AsOf, community: String? = nil, overdueOnly: Bool = false) throws
        -> [DrillObligationRow]
    {
        try StoreError.translating {
            let streets = try currentStreets()
            let rows = try connection.query(
                """
                WITH in_force AS (
                    SELECT p.street, p.code, p.number, p.name, p.unit,
                           (\(PlannerStore.communityOfUnit(asOf))) AS community,
                           coalesce(v.every_months, p.every_months) AS every_months,
                           coalesce(v.start_on, p.start_on) AS start_on, p.last_conducted_on
                      FROM planner.plans p
                      JOIN planner.units u ON u.street = p.street AND u.name = p.unit AND \(PlannerStore.inStreets("u.street", streets))
                      -- The plan's start and cadence as they stood at the instant, when corrected after it.
                      LEFT JOIN LATERAL (
                          SELECT x.start_on, x.every_months FROM planner.plan_versions x
                           WHERE x.street = p.street AND \(PlannerStore.inStreets("x.street", streets))
                             AND p.corrected_recorded_at > \(asOf.recorded)::timestamptz
                             AND x.plan = p.code AND x.recorded_at <= \(asOf.recorded)::timestamptz
                           ORDER BY x.position DESC LIMIT 1) v ON true
                     WHERE \(PlannerStore.inStreets("p.street", streets))
                       AND coalesce(v.start_on, p.start_on) <= \(asOf.dateText)::date
                       AND p.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                       AND NOT coalesce(p.retired_on <= \(asOf.dateText)::date
                                        AND p.retired_recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity'), false)
                       AND NOT coalesce(u.closed_on <= \(asOf.dateText)::date
                                        AND u.closed_recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity'), false)
                       AND (\(community)::text IS NULL OR (\(PlannerStore.communityOfUnit(asOf))) = \(community)::text)
                ), last AS (
                    SELECT f.*,
                           CASE WHEN \(asOf.recorded)::timestamptz IS NULL AND f.last_conducted_on IS NULL THEN NULL
                                WHEN \(asOf.recorded)::timestamptz IS NULL AND f.last_conducted_on <= \(asOf.dateText)::date
                                THEN f.last_conducted_on
                                ELSE (SELECT max(coalesce(h.conducted_on, d.conducted_on)) FROM planner.drills d
                                        LEFT JOIN LATERAL (
                                            -- The holding as corrected by the instant, when corrected after it.
                                            SELECT x.conducted_on FROM planner.drill_holdings x
                                             WHERE x.street = d.street AND \(PlannerStore.inStreets("x.street", streets))
                                               AND d.corrected_recorded_at > \(asOf.recorded)::timestamptz
                                               AND x.drill = d.code AND x.recorded_at <= \(asOf.recorded)::timestamptz
                                             ORDER BY x.position DESC LIMIT 1) h ON true
                                       WHERE d.street = f.street AND \(PlannerStore.inStreets("d.street", streets))
                                         AND d.plan = f.code
                                         AND coalesce(h.conducted_on, d.conducted_on) <= \(asOf.dateText)::date
                                         AND d.conducted_recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity'))
                           END AS last_drill
                      FROM in_force f
                ), owed AS (
                    SELECT street, number, code, name, unit, community, last_drill,
                           (coalesce(last_drill, start_on) + make_interval(months => every_months))::date AS due
                      FROM last
                )
                SELECT street, code, name, unit, community, last_drill::text AS last_drill, due::text AS due,
                       \(asOf.dateText)::date - due AS days_overdue
                  FROM owed
                 WHERE NOT \(overdueOnly)::boolean OR \(asOf.dateText)::date > due
                 ORDER BY street, days_overdue DESC, number
                """, prepared: true)
            return try rows.rows.map { row in
                DrillObligationRow(
                    street: try row.decode("street"), plan: try row.decode("code"), planName: try row.decode("name"),
                    unit: try row.decode("unit"), community: try row.decode("community"),
                    obligation: DrillObligation(
                        lastDrill: try row.optionalDate("last_drill"), due: try row.date("due"),
                        daysOverdue: try row.decode("days_overdue")))
            }
        }
    }

    /// Scheduled drills whose date has passed and that were neither recorded nor cancelled: the
    /// rule of `Drill.asOf(_:recordedAsOf:history:)`'s `isMissed`.
    public func missedDrills(_ asOf: AsOf, community: String? = nil) throws -> [DrillRow] {
        try StoreError.translating {
            try drills(missedOnly: true, asOf: asOf, community: community, plan: nil, from: nil, to: nil)
        }
    }

    /// Drills, optionally of one plan and within a date range (scheduled or held date): the rule
    /// of `Drill.asOf(_:recordedAsOf:history:)`, answered in SQL for speed.
    public func drillList(_ asOf: AsOf, plan: String?, from: LocalDate?, to: LocalDate?, community: String? = nil)
        throws -> [DrillRow]
    {
        try StoreError.translating {
            try drills(missedOnly: false, asOf: asOf, community: community, plan: plan, from: from, to: to)
        }
    }

    private func drills(
        missedOnly: Bool, asOf: AsOf, community: String?, plan: String?, from: LocalDate?, to: LocalDate?
    ) throws -> [DrillRow] {
        let street = try currentStreet()
        // As the log stood at the instant: the holding and the cancellation count once recorded,
        // the schedule, the rating and the holding's date and head count (as corrected) are the
        // latest recorded (the columns hold the whole log's).
        let rows = try connection.query(
            """
            WITH known AS (
                SELECT d.code, d.number, d.plan, p.unit,
                       CASE WHEN \(asOf.recorded)::timestamptz IS NULL THEN d.scheduled_on
                            ELSE (SELECT s.scheduled_on FROM planner.drill_schedules s
                                   WHERE s.street = \(street) AND s.drill = d.code
                                     AND s.recorded_at <= \(asOf.recorded)::timestamptz
                                   ORDER BY s.position DESC LIMIT 1) END AS scheduled_on,
                       CASE WHEN d.conducted_recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                            THEN CASE WHEN h.corrected THEN h.conducted_on ELSE d.conducted_on END END AS conducted_on,
                       CASE WHEN d.conducted_recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                            THEN CASE WHEN h.corrected THEN h.participants ELSE d.participants END END AS participants,
                       CASE WHEN \(asOf.recorded)::timestamptz IS NULL THEN d.rating
                            ELSE (SELECT r.rating FROM planner.drill_ratings r
                                   WHERE r.street = \(street) AND r.drill = d.code
                                     AND r.recorded_at <= \(asOf.recorded)::timestamptz
                                   ORDER BY r.position DESC LIMIT 1) END AS rating,
                       CASE WHEN d.conducted_recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                            THEN 'conducted'
                            WHEN d.cancelled_recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                            THEN 'cancelled'
                            ELSE 'scheduled' END AS status
                  FROM planner.drills d
                  JOIN planner.plans p ON p.street = \(street) AND p.code = d.plan
                  JOIN planner.units u ON u.street = \(street) AND u.name = p.unit
                  -- The holding as it stood at the instant, when a correction was recorded after it.
                  LEFT JOIN LATERAL (
                      SELECT true AS corrected, x.conducted_on, x.participants FROM planner.drill_holdings x
                       WHERE x.street = \(street) AND d.corrected_recorded_at > \(asOf.recorded)::timestamptz
                         AND x.drill = d.code AND x.recorded_at <= \(asOf.recorded)::timestamptz
                       ORDER BY x.position DESC LIMIT 1) h ON true
                 WHERE d.street = \(street)
                   AND d.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                   AND (\(community)::text IS NULL OR (\(PlannerStore.communityOfUnit(asOf))) = \(community)::text)
                   AND (\(plan)::text IS NULL OR d.plan = \(plan)::text)
            )
            SELECT code, plan, unit, scheduled_on::text AS scheduled_on, conducted_on::text AS conducted_on,
                   CASE WHEN status = 'conducted' AND conducted_on > \(asOf.dateText)::date THEN 'scheduled'
                        ELSE status END AS status,
                   participants, rating
              FROM known
             WHERE (NOT \(missedOnly)::boolean OR (status = 'scheduled' AND scheduled_on < \(asOf.dateText)::date))
               AND (\(from?.description)::date IS NULL OR coalesce(conducted_on, scheduled_on) >= \(from?.description)::date)
               AND (\(to?.description)::date IS NULL OR coalesce(conducted_on, scheduled_on) <= \(to?.description)::date)
             ORDER BY coalesce(conducted_on, scheduled_on), number
            """)
        return try rows.rows.map { row in
            DrillRow(
                drill: try row.decode("code"), plan: try row.decode("plan"), unit: try row.decode("unit"),
                scheduledOn: try row.optionalDate("scheduled_on"), status: try row.choice("status", Drill.Status.self),
                conductedOn: try row.optionalDate("conducted_on"),
                participants: try row.decode("participants", as: Int?.self),
                rating: try row.optionalChoice("rating", DrillRating.self))
        }
    }
}
