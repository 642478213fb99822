import Postgres

/// The planner's rows computed from the whole log by set-based SQL, into fresh tables in a schema
/// `derived`, each table filled first and indexed after, as a rebuild could do if the projection
/// were defined as queries over the log instead of a function applied to each event.
///
/// This is not the projection. Every planner table has its statement, each a filtered scan of the
/// log, as a complete design would need; but the types that only change rows already written
/// (corrections, moves, retirements, evaluations, write-offs, except an activity's retraction) are
/// not folded, and the bench checks that the statements give the rebuild's rows exactly before it
/// reports a figure. It measures how near such a redesign could come to the replay goal, so that
/// the choice to make it is made on a figure, not a guess.
enum SetBased {
    /// The event types the statements below fold whole; a log with any other would give other
    /// rows, and the bench says so instead of reporting a figure.
    static let eventTypes: Set<String> = [
        "CommunityAdded", "UnitAdded", "PlanAdded", "DrillScheduled", "DrillConducted", "CampaignDefined",
        "ActivityLogged", "ActivityRetracted", "InspectionRecorded", "FindingAdded", "FindingRectified",
        "FindingVerified", "HolidayNoticeImported", "BudgetSet", "ExpenseRecorded", "TargetSet",
    ]

    /// Why the figure would say nothing of this log or this server.
    struct Unmeasured: Error, CustomStringConvertible {
        let description: String
    }

    /// One transaction: the fresh tables (no indexes), their rows, their indexes as the planner's,
    /// and the statistics a rebuild also gathers.
    static func script(_ connection: Connection, tables: [String]) throws -> String {
        guard Scratch.citusWorkers.isEmpty else {
            throw Unmeasured(
                description:
                    "on Citus the fresh tables would be the coordinator's own, which says nothing of a distributed design"
            )
        }
        let unfolded = try connection.query("SELECT DISTINCT event_type FROM vigil.events ORDER BY 1").rows.map {
            try $0.decode("event_type", as: String.self)
        }.filter { !eventTypes.contains($0) }
        guard unfolded.isEmpty else {
            throw Unmeasured(description: "the log holds types it does not fold: " + unfolded.joined(separator: ", "))
        }
        let indexes = try connection.query(
            "SELECT replace(indexdef, ' ON planner.', ' ON derived.') AS def FROM pg_indexes WHERE schemaname = 'planner'"
        ).rows.map { try $0.decode("def", as: String.self) + ";" }
        let statements =
            [
                "BEGIN;", "SET LOCAL work_mem = '256MB';", "SET LOCAL maintenance_work_mem = '256MB';",
                "CREATE SCHEMA derived;",
            ]
            + tables.map { "CREATE TABLE derived.\($0) (LIKE planner.\($0));" } + [rows] + indexes
            + tables.map { "ANALYZE derived.\($0);" } + ["COMMIT;"]
        return statements.joined(separator: "\n")
    }

    /// A drill's row joins its schedule and its holding; a plan's last drill is read from the
    /// drills just written; an activity takes its last retraction.
    static let rows = """
        INSERT INTO derived.communities
        SELECT data->>'name', position, recorded_at, street FROM vigil.events WHERE event_type = 'CommunityAdded';
        INSERT INTO derived.units (street, name, community, kind, key_fire_unit, position, recorded_at)
        SELECT street, data->>'name', data->>'community', data->>'kind', (data->>'key_fire_unit')::boolean, position,
               recorded_at
          FROM vigil.events WHERE event_type = 'UnitAdded';
        INSERT INTO derived.unit_communities
        SELECT data->>'name', position, data->>'community', recorded_at, street FROM vigil.events
         WHERE event_type = 'UnitAdded';
        INSERT INTO derived.plan_versions
        SELECT data->>'code', position, (data->>'from')::date, (data->>'every_months')::integer, data->>'level',
               recorded_at, street
          FROM vigil.events WHERE event_type = 'PlanAdded';
        INSERT INTO derived.drills (street, code, number, plan, scheduled_on, form, scope, scenario, status,
                                    conducted_on, participants, evacuation_seconds, note, recorded_at,
                                    conducted_recorded_at)
        SELECT coalesce(s.street, c.street), coalesce(s.code, c.code), planner.code_number(coalesce(s.code, c.code)),
               coalesce(s.plan, c.plan), s.on_date, s.form, s.scope, s.scenario,
               CASE WHEN c.code IS NULL THEN 'scheduled' ELSE 'conducted' END, c.on_date, c.participants,
               c.evacuation_seconds, c.note, coalesce(s.recorded_at, c.recorded_at), c.recorded_at
          FROM (SELECT street, data->>'code' AS code, data->>'plan' AS plan, (data->>'on')::date AS on_date,
                       data->>'form' AS form, data->>'scope' AS scope, data->>'scenario' AS scenario, recorded_at
                  FROM vigil.events WHERE event_type = 'DrillScheduled') s
          FULL JOIN (SELECT street, data->>'code' AS code, data->>'plan' AS plan, (data->>'on')::date AS on_date,
                            (data->>'participants')::integer AS participants,
                            (data->>'evacuation_seconds')::integer AS evacuation_seconds, data->>'note' AS note,
                            recorded_at
                       FROM vigil.events WHERE event_type = 'DrillConducted') c
            ON c.street = s.street AND c.code = s.code;
        INSERT INTO derived.drill_schedules
        SELECT data->>'code', position, (data->>'on')::date, recorded_at, street FROM vigil.events
         WHERE event_type = 'DrillScheduled';
        INSERT INTO derived.drill_holdings
        SELECT data->>'code', position, (data->>'on')::date, (data->>'participants')::integer, recorded_at, street
          FROM vigil.events WHERE event_type = 'DrillConducted';
        INSERT INTO derived.plans (code, number, name, unit, level, hazard, every_months, rule, start_on,
                                   last_conducted_on, recorded_at, street)
        SELECT p.data->>'code', planner.code_number(p.data->>'code'), p.data->>'name', p.data->>'unit',
               p.data->>'level', p.data->>'hazard', (p.data->>'every_months')::integer, p.data->>'rule',
               (p.data->>'from')::date, l.last, p.recorded_at, p.street
          FROM vigil.events p
          LEFT JOIN (SELECT street, plan, max(conducted_on) AS last FROM derived.drills WHERE status = 'conducted'
                      GROUP BY street, plan) l
            ON l.street = p.street AND l.plan = p.data->>'code'
         WHERE p.event_type = 'PlanAdded';
        INSERT INTO derived.campaigns
        SELECT data->>'name', data->>'cadence', (data->>'window_days')::integer,
               CASE WHEN jsonb_typeof(data->'communities') = 'array'
                    THEN ARRAY(SELECT jsonb_array_elements_text(data->'communities')) END,
               position, recorded_at, street
          FROM vigil.events WHERE event_type = 'CampaignDefined';
        INSERT INTO derived.activities
        SELECT a.data->>'code', planner.code_number(a.data->>'code'), a.data->>'campaign', a.data->>'community',
               (a.data->>'on')::date, a.data->>'activity', (a.data->>'leaflets')::integer,
               (a.data->>'attendees')::integer, a.recorded_at, r.reason, r.recorded_at, a.street
          FROM vigil.events a
          LEFT JOIN (SELECT DISTINCT ON (street, stream_id) street, stream_id, data->>'reason' AS reason, recorded_at
                       FROM vigil.events WHERE event_type = 'ActivityRetracted'
                      ORDER BY street, stream_id, position DESC) r
            ON r.street = a.street AND r.stream_id = a.stream_id
         WHERE a.event_type = 'ActivityLogged';
        INSERT INTO derived.inspections
        SELECT data->>'code', planner.code_number(data->>'code'), data->>'unit', (data->>'on')::date,
               data->>'inspector', data->>'kind', recorded_at, street
          FROM vigil.events WHERE event_type = 'InspectionRecorded';
        INSERT INTO derived.findings (street, code, number, inspection, drill, inspected_on, unit, description,
                                      severity, due, deadline, responsible, recorded_at)
        SELECT street, data->>'code', planner.code_number(data->>'code'), data->>'inspection', data->>'drill',
               (data->>'inspected_on')::date, data->>'unit', data->>'text', data->>'severity', (data->>'due')::date,
               data->>'deadline', data->>'responsible', recorded_at
          FROM vigil.events WHERE event_type = 'FindingAdded';
        INSERT INTO derived.finding_versions
        SELECT data->>'code', position, data->>'text', data->>'severity', (data->>'due')::date, recorded_at, street
          FROM vigil.events WHERE event_type = 'FindingAdded';
        INSERT INTO derived.finding_steps
        SELECT substr(stream_id, strpos(stream_id, ':') + 1), position,
               CASE WHEN event_type = 'FindingRectified' THEN 'rectified'
                    WHEN data->>'result' = 'pass' THEN 'passed' ELSE 'failed' END,
               (data->>'on')::date, data->>'note', recorded_at, street
          FROM vigil.events WHERE event_type IN ('FindingRectified', 'FindingVerified');
        INSERT INTO derived.drill_ratings
        SELECT substr(stream_id, strpos(stream_id, ':') + 1), position, data->>'rating', recorded_at, street
          FROM vigil.events WHERE event_type = 'DrillEvaluated';
        INSERT INTO derived.holiday_notices
        SELECT (data->'notice'->>'year')::integer, position, data->'notice', recorded_at, street FROM vigil.events
         WHERE event_type = 'HolidayNoticeImported';
        INSERT INTO derived.budgets
        SELECT (data->>'year')::integer, data->>'line', (data->>'amount')::numeric, position, recorded_at, street
          FROM vigil.events WHERE event_type = 'BudgetSet';
        INSERT INTO derived.expenses (code, number, line, on_date, amount, note, recorded_at, street)
        SELECT data->>'code', planner.code_number(data->>'code'), data->>'line', (data->>'on')::date,
               (data->>'amount')::numeric, data->>'note', recorded_at, street
          FROM vigil.events WHERE event_type = 'ExpenseRecorded';
        INSERT INTO derived.targets
        SELECT (data->>'year')::integer, data->>'indicator', (data->>'percent')::integer, position, recorded_at, street
          FROM vigil.events WHERE event_type = 'TargetSet';
        INSERT INTO derived.codes (street, kind, last)
        SELECT street, split_part(data->>'code', '-', 1), max(planner.code_number(data->>'code'))
          FROM vigil.events WHERE stream_version = 1 AND data ? 'code'
         GROUP BY 1, 2;
        """

    /// The tables whose rows differ from the planner's, each with how many rows differ.
    static func differences(_ connection: Connection, tables: [String]) throws -> [String] {
        try tables.compactMap { table in
            let differing = try connection.query(
                """
                SELECT count(*)::bigint AS n FROM ((TABLE derived.\(raw: table) EXCEPT ALL TABLE planner.\(raw: table))
                 UNION ALL (TABLE planner.\(raw: table) EXCEPT ALL TABLE derived.\(raw: table))) d
                """
            ).rows[0].decode("n", as: Int64.self)
            return differing == 0 ? nil : "\(table): \(differing) rows"
        }
    }
}
