import EventStore
import Foundation
import Planner
import Postgres

/// A drill still to be held: scheduled, neither held nor cancelled as of a date.
public struct ScheduledDrillRow: Sendable, Equatable {
    public var drill: String
    public var plan: String
    public var planName: String
    public var level: PlanLevel
    public var unit: String
    public var community: String
    public var scheduledOn: LocalDate
    public var form: DrillForm?
    public var scope: DrillScope?
    public var scenario: String?
}

extension PlannerStore {
    /// Drills scheduled and still to be held as of the as-of date, by date: a drill held after
    /// the as-of date, or held or cancelled in a record later than the recorded-as-of instant,
    /// is still to be held from that point of view (as `drills list` shows it).
    public func scheduledDrills(_ asOf: AsOf, community: String? = nil) throws -> [ScheduledDrillRow] {
        try StoreError.translating {
            let street = try currentStreet()
            let rows = try connection.query(
                """
                SELECT d.code, d.plan, p.name AS plan_name, p.level, p.unit,
                       (\(PlannerStore.communityOfUnit(asOf))) AS community,
                       d.scheduled_on::text AS scheduled_on, d.form, d.scope, d.scenario
                  FROM planner.drills d
                  JOIN planner.plans p ON p.street = \(street) AND p.code = d.plan
                  JOIN planner.units u ON u.street = \(street) AND u.name = p.unit
                  LEFT JOIN LATERAL (
                      SELECT x.conducted_on FROM planner.drill_holdings x
                       WHERE x.street = \(street) AND d.corrected_recorded_at > \(asOf.recorded)::timestamptz
                         AND x.drill = d.code AND x.recorded_at <= \(asOf.recorded)::timestamptz
                       ORDER BY x.position DESC LIMIT 1) h ON true
                 WHERE d.street = \(street)
                   AND d.scheduled_on IS NOT NULL
                   AND d.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                   AND (d.status = 'scheduled'
                        OR (d.status = 'conducted'
                            AND (coalesce(h.conducted_on, d.conducted_on) > \(asOf.dateText)::date
                                 OR d.conducted_recorded_at > coalesce(\(asOf.recorded)::timestamptz, 'infinity')))
                        OR (d.status = 'cancelled'
                            AND d.cancelled_recorded_at > coalesce(\(asOf.recorded)::timestamptz, 'infinity')))
                   AND (\(community)::text IS NULL OR (\(PlannerStore.communityOfUnit(asOf))) = \(community)::text)
                 ORDER BY d.scheduled_on, d.number
                """)
            return try rows.rows.map { row in
                ScheduledDrillRow(
                    drill: try row.decode("code"), plan: try row.decode("plan"), planName: try row.decode("plan_name"),
                    level: try row.choice("level", PlanLevel.self), unit: try row.decode("unit"),
                    community: try row.decode("community"), scheduledOn: try row.date("scheduled_on"),
                    form: try row.optionalChoice("form", DrillForm.self),
                    scope: try row.optionalChoice("scope", DrillScope.self),
                    scenario: try row.decode("scenario", as: String?.self))
            }
        }
    }

    /// This database's identity (`vigil.instance`): it names the records of this log among
    /// others, e.g. in calendar UIDs, and a restored copy keeps it.
    public func instanceID() throws -> String {
        try StoreError.translating {
            let rows = try connection.query("SELECT id FROM vigil.instance")
            guard let row = rows.rows.first else {
                throw PostgresError(kind: .client, message: "vigil.instance is empty")
            }
            return try row.decode("id")
        }
    }

    /// When the latest event of the log (as it stood at the recorded-as-of instant) was
    /// recorded, or nil for an empty log: a time that changes exactly when the log does.
    public func lastRecorded(_ asOf: AsOf) throws -> Date? {
        try StoreError.translating {
            // The national records and the street's, each asked of its own street (on Citus,
            // of the one worker holding it).
            let street = try currentStreet()
            let rows = try connection.query(
                """
                SELECT greatest(
                    (SELECT max(e.recorded_at) FROM vigil.events e
                      WHERE e.street = 0 AND e.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')),
                    (SELECT max(e.recorded_at) FROM vigil.events e
                      WHERE e.street = \(street) AND e.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity'))
                ) AS last
                """)
            return try rows.rows.first?.decode("last", as: Date?.self)
        }
    }
}
