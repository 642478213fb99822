import EventStore
import Foundation
import Planner
import Postgres

/// One unit under an inspection rule and its obligation as of a date.
public struct InspectionObligationRow: Sendable, Equatable {
    public var unit: String
    public var community: String
    public var rule: String
    public var lastInspection: LocalDate?
    public var due: LocalDate
    public var daysOverdue: Int

    /// True when the as-of date is after the due date.
    public var isOverdue: Bool { daysOverdue > 0 }

    /// True when the inspection is not yet overdue and falls due on or before `limit`.
    public func isDue(by limit: LocalDate) -> Bool { !isOverdue && due <= limit }
}

extension PlannerStore {
    /// Every unit under an inspection rule of `catalogue` on the as-of date with its obligation,
    /// most overdue first: the rule of `InspectionObligation.asOf(_:recordedAsOf:history:catalogue:)`,
    /// answered in SQL. `timeZone` is the office's: the day a unit was added is the date of that
    /// instant there.
    public func inspectionObligations(
        _ asOf: AsOf, catalogue: RuleCatalogue, timeZone: TimeZone, community: String? = nil
    ) throws -> [InspectionObligationRow] {
        try StoreError.translating {
            let street = try currentStreet()
            let rules = try Self.inspectionRulesJSON(catalogue)
            // As the log stood at the instant: the classification is the latest recorded by then
            // (planner.units holds the whole log's; the events hold each reclassification).
            let rows = try connection.query(
                """
                WITH known AS (
                    SELECT u.name, u.position,
                           (\(PlannerStore.communityOfUnit(asOf))) AS community,
                           (u.recorded_at AT TIME ZONE \(timeZone.identifier))::date AS added_on,
                           CASE WHEN \(asOf.recorded)::timestamptz IS NULL THEN u.kind
                                ELSE (SELECT e.data->>'kind' FROM vigil.events e
                                       WHERE e.street = \(street) AND e.stream_id = 'unit:' || u.name
                                         AND e.event_type IN ('UnitAdded', 'UnitReclassified')
                                         AND e.data->>'kind' IS NOT NULL
                                         AND e.recorded_at <= \(asOf.recorded)::timestamptz
                                       ORDER BY e.stream_version DESC LIMIT 1) END AS kind,
                           CASE WHEN \(asOf.recorded)::timestamptz IS NULL THEN u.key_fire_unit
                                ELSE (SELECT (e.data->>'key_fire_unit')::boolean FROM vigil.events e
                                       WHERE e.street = \(street) AND e.stream_id = 'unit:' || u.name
                                         AND e.event_type IN ('UnitAdded', 'UnitReclassified')
                                         AND e.data->>'key_fire_unit' IS NOT NULL
                                         AND e.recorded_at <= \(asOf.recorded)::timestamptz
                                       ORDER BY e.stream_version DESC LIMIT 1) END AS key_fire_unit,
                           (SELECT min(i.on_date) FROM planner.inspections i
                             WHERE i.street = \(street) AND i.unit = u.name
                               AND i.kind = \(InspectionObligation.kind.rawValue)
                               AND i.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')) AS first_inspection,
                           (SELECT max(i.on_date) FROM planner.inspections i
                             WHERE i.street = \(street) AND i.unit = u.name
                               AND i.kind = \(InspectionObligation.kind.rawValue)
                               AND i.on_date <= \(asOf.dateText)::date
                               AND i.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')) AS last_inspection
                      FROM planner.units u
                     WHERE u.street = \(street)
                       AND u.recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity')
                       AND NOT coalesce(u.closed_on <= \(asOf.dateText)::date
                                        AND u.closed_recorded_at <= coalesce(\(asOf.recorded)::timestamptz, 'infinity'), false)
                       AND (\(community)::text IS NULL OR (\(PlannerStore.communityOfUnit(asOf))) = \(community)::text)
                ), ruled AS (
                    SELECT k.*, r.id AS rule, r.months,
                           greatest(r.in_force, least(k.added_on, k.first_inspection)) AS start_on
                      FROM known k
                      CROSS JOIN LATERAL (
                          SELECT x.id, x.months, x.in_force
                            FROM jsonb_to_recordset(\(rules)::jsonb)
                                 AS x(id text, months integer, in_force date, kinds jsonb, key_fire_unit boolean)
                           WHERE x.in_force <= \(asOf.dateText)::date
                             AND (x.kinds IS NULL OR x.kinds ? k.kind)
                             AND (x.key_fire_unit IS NULL OR x.key_fire_unit = k.key_fire_unit)
                           ORDER BY x.months, x.id LIMIT 1) r
                ), due AS (
                    SELECT r.*, (coalesce(r.last_inspection, r.start_on) + make_interval(months => r.months))::date AS due
                      FROM ruled r
                     WHERE r.start_on <= \(asOf.dateText)::date
                )
                SELECT name, community, rule, last_inspection::text AS last_inspection, due::text AS due,
                       \(asOf.dateText)::date - due AS days_overdue
                  FROM due
                 ORDER BY days_overdue DESC, position
                """)
            return try rows.rows.map { row in
                InspectionObligationRow(
                    unit: try row.decode("name"), community: try row.decode("community"), rule: try row.decode("rule"),
                    lastInspection: try row.optionalDate("last_inspection"), due: try row.date("due"),
                    daysOverdue: try row.decode("days_overdue"))
            }
        }
    }

    /// The catalogue's inspection rules with a cadence, as the rows the query picks from.
    private static func inspectionRulesJSON(_ catalogue: RuleCatalogue) throws -> String {
        let rules: [[String: Any]] = catalogue.rules.filter { $0.obligation == .inspection && $0.months != nil }.map {
            var rule: [String: Any] = [
                "id": $0.id, "months": $0.months ?? 0, "in_force": $0.inForce.description,
            ]
            if let kinds = $0.scope.kinds { rule["kinds"] = kinds.map(\.rawValue).sorted() }
            if let key = $0.scope.keyFireUnit { rule["key_fire_unit"] = key }
            return rule
        }
        return String(
            decoding: try JSONSerialization.data(withJSONObject: rules, options: [.sortedKeys]), as: UTF8.self)
    }
}
