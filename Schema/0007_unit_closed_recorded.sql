-- A unit's closure counts from the instant it was recorded, like a plan's retirement.
--
-- `set recorded-as-of T` shows the log as it stood at T, every event recorded after T ignored.
-- planner.units kept only the closure's date, so a closure recorded after T still hid the
-- unit's plans from `drills overdue` as of T. The closure's instant is kept next to its date,
-- both projection paths (event by event, and the set-based replay of a rebuild) fill it, and
-- the projection's version goes up so `vigil migrate` rebuilds the tables. vigil.reset_planner
-- stays as 0004 made it (DELETE, not TRUNCATE).

ALTER TABLE planner.units ADD COLUMN closed_recorded_at timestamptz;

CREATE OR REPLACE FUNCTION vigil.project_planner(e vigil.events) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    d jsonb := e.data;
    v_code text := substr(e.stream_id, strpos(e.stream_id, ':') + 1);
BEGIN
    CASE e.event_type
    WHEN 'CommunityAdded' THEN
        INSERT INTO planner.communities VALUES (d->>'name', e.position, e.recorded_at);
    WHEN 'UnitAdded' THEN
        INSERT INTO planner.units (name, community, kind, key_fire_unit, closed_on, position, recorded_at)
        VALUES (d->>'name', d->>'community', d->>'kind', (d->>'key_fire_unit')::boolean, NULL, e.position,
            e.recorded_at);
    WHEN 'UnitReclassified' THEN
        UPDATE planner.units SET kind = coalesce(d->>'kind', kind),
               key_fire_unit = coalesce((d->>'key_fire_unit')::boolean, key_fire_unit)
         WHERE name = v_code;
    WHEN 'UnitClosed' THEN
        UPDATE planner.units SET closed_on = (d->>'on')::date, closed_recorded_at = e.recorded_at
         WHERE name = v_code;
    WHEN 'PlanAdded' THEN
        INSERT INTO planner.plans VALUES (d->>'code', planner.code_number(d->>'code'), d->>'name', d->>'unit',
            d->>'level', d->>'hazard', (d->>'every_months')::integer, d->>'rule', (d->>'from')::date,
            NULL, NULL, NULL, e.recorded_at);
    WHEN 'PlanRetired' THEN
        UPDATE planner.plans SET retired_on = (d->>'on')::date, retired_recorded_at = e.recorded_at
         WHERE code = v_code;
    WHEN 'PlanRevised', 'PlanEvaluated' THEN
        NULL;
    WHEN 'DrillScheduled' THEN
        INSERT INTO planner.drills (code, number, plan, scheduled_on, form, scope, scenario, status, recorded_at)
        VALUES (d->>'code', planner.code_number(d->>'code'), d->>'plan', (d->>'on')::date, d->>'form',
            d->>'scope', d->>'scenario', 'scheduled', e.recorded_at);
    WHEN 'DrillRescheduled' THEN
        UPDATE planner.drills SET scheduled_on = (d->>'on')::date WHERE code = v_code;
    WHEN 'DrillCancelled' THEN
        UPDATE planner.drills SET status = 'cancelled', cancelled_recorded_at = e.recorded_at WHERE code = v_code;
    WHEN 'DrillConducted' THEN
        INSERT INTO planner.drills (code, number, plan, status, recorded_at)
        VALUES (d->>'code', planner.code_number(d->>'code'), d->>'plan', 'conducted', e.recorded_at)
        ON CONFLICT (code) DO NOTHING;
        UPDATE planner.drills SET status = 'conducted', conducted_on = (d->>'on')::date,
               participants = (d->>'participants')::integer,
               evacuation_seconds = (d->>'evacuation_seconds')::integer, note = d->>'note',
               conducted_recorded_at = e.recorded_at
         WHERE code = d->>'code';
        UPDATE planner.plans SET last_conducted_on = greatest(last_conducted_on, (d->>'on')::date)
         WHERE code = d->>'plan';
    WHEN 'DrillEvaluated' THEN
        UPDATE planner.drills SET rating = d->>'rating', report = d->>'report', evaluated_on = (d->>'on')::date
         WHERE code = v_code;
    WHEN 'CampaignDefined' THEN
        INSERT INTO planner.campaigns VALUES (d->>'name', d->>'cadence', (d->>'window_days')::integer,
            CASE WHEN d ? 'communities' AND jsonb_typeof(d->'communities') = 'array'
                 THEN ARRAY(SELECT jsonb_array_elements_text(d->'communities')) END,
            e.position, e.recorded_at);
    WHEN 'ActivityLogged' THEN
        INSERT INTO planner.activities VALUES (d->>'code', planner.code_number(d->>'code'), d->>'campaign',
            d->>'community', (d->>'on')::date, d->>'activity', (d->>'leaflets')::integer,
            (d->>'attendees')::integer, e.recorded_at, NULL, NULL);
    WHEN 'ActivityRetracted' THEN
        UPDATE planner.activities SET retracted_reason = d->>'reason', retracted_at = e.recorded_at
         WHERE code = v_code;
    WHEN 'HolidayNoticeImported' THEN
        INSERT INTO planner.holiday_notices VALUES ((d->'notice'->>'year')::integer, e.position, d->'notice',
            e.recorded_at);
    WHEN 'InspectionRecorded' THEN
        INSERT INTO planner.inspections VALUES (d->>'code', planner.code_number(d->>'code'), d->>'unit',
            (d->>'on')::date, d->>'inspector', d->>'kind', e.recorded_at);
    WHEN 'FindingAdded' THEN
        INSERT INTO planner.findings (code, number, inspection, drill, inspected_on, unit, description, severity,
                                      due, deadline, responsible, recorded_at)
        VALUES (d->>'code', planner.code_number(d->>'code'), d->>'inspection', d->>'drill',
            (d->>'inspected_on')::date, d->>'unit', d->>'text', d->>'severity', (d->>'due')::date,
            d->>'deadline', d->>'responsible', e.recorded_at);
    WHEN 'MajorFindingReported' THEN
        UPDATE planner.findings SET reported_on = (d->>'on')::date, authority = d->>'authority' WHERE code = v_code;
    WHEN 'RemediationPlanned' THEN
        UPDATE planner.findings SET remediation = d->>'plan', remediation_due = (d->>'due')::date WHERE code = v_code;
    WHEN 'MajorFindingEvaluated' THEN
        UPDATE planner.findings SET evaluated_on = (d->>'on')::date WHERE code = v_code;
    WHEN 'MajorFindingWrittenOff' THEN
        UPDATE planner.findings SET written_off_on = (d->>'on')::date, approved_by = d->>'approved_by'
         WHERE code = v_code;
    WHEN 'FindingRectified' THEN
        INSERT INTO planner.finding_steps VALUES (v_code, e.position, 'rectified', (d->>'on')::date,
            d->>'note', e.recorded_at);
    WHEN 'FindingVerified' THEN
        INSERT INTO planner.finding_steps VALUES (v_code, e.position,
            CASE d->>'result' WHEN 'pass' THEN 'passed' ELSE 'failed' END, (d->>'on')::date,
            d->>'note', e.recorded_at);
    ELSE
        NULL;
    END CASE;

    -- Keep the code counters in step with the log, so a rebuild restores them too.
    IF d ? 'code' AND e.stream_version = 1 THEN
        INSERT INTO planner.codes AS c VALUES (split_part(d->>'code', '-', 1), planner.code_number(d->>'code'))
        ON CONFLICT (kind) DO UPDATE SET last = greatest(c.last, excluded.last);
    END IF;
END
$$;

-- The set-based replay, used by vigil.rebuild('planner'): as 0002 wrote it, with the
-- closure's instant taken from the same (last) UnitClosed event as its date.
CREATE OR REPLACE FUNCTION vigil.bulk_planner() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    CREATE TEMPORARY TABLE planner_events ON COMMIT DROP AS
    SELECT e.position, e.stream_id, substr(e.stream_id, strpos(e.stream_id, ':') + 1) AS key,
           e.stream_version, e.event_type, e.data AS d, e.recorded_at
      FROM vigil.events e
     WHERE e.event_type IN (
        'CommunityAdded', 'UnitAdded', 'UnitReclassified', 'UnitClosed', 'PlanAdded', 'PlanRetired',
        'DrillScheduled', 'DrillRescheduled', 'DrillCancelled', 'DrillConducted', 'DrillEvaluated',
        'CampaignDefined', 'ActivityLogged', 'ActivityRetracted', 'HolidayNoticeImported',
        'InspectionRecorded', 'FindingAdded', 'FindingRectified', 'FindingVerified',
        'MajorFindingReported', 'RemediationPlanned', 'MajorFindingEvaluated', 'MajorFindingWrittenOff');
    CREATE INDEX ON planner_events (event_type, key, position);
    ANALYZE planner_events;

    INSERT INTO planner.communities
    SELECT d->>'name', position, recorded_at FROM planner_events WHERE event_type = 'CommunityAdded';

    INSERT INTO planner.units (name, community, kind, key_fire_unit, closed_on, position, recorded_at,
                               closed_recorded_at)
    SELECT a.d->>'name', a.d->>'community',
           coalesce((SELECT r.d->>'kind' FROM planner_events r WHERE r.event_type = 'UnitReclassified'
                      AND r.key = a.key AND r.d->>'kind' IS NOT NULL ORDER BY r.position DESC LIMIT 1), a.d->>'kind'),
           coalesce((SELECT (r.d->>'key_fire_unit')::boolean FROM planner_events r WHERE r.event_type = 'UnitReclassified'
                      AND r.key = a.key AND r.d->>'key_fire_unit' IS NOT NULL ORDER BY r.position DESC LIMIT 1),
                    (a.d->>'key_fire_unit')::boolean),
           (c.d->>'on')::date, a.position, a.recorded_at, c.recorded_at
      FROM planner_events a
      LEFT JOIN LATERAL (SELECT x.d, x.recorded_at FROM planner_events x WHERE x.event_type = 'UnitClosed'
                          AND x.key = a.key ORDER BY x.position DESC LIMIT 1) c ON true
     WHERE a.event_type = 'UnitAdded';

    INSERT INTO planner.plans
    SELECT a.d->>'code', planner.code_number(a.d->>'code'), a.d->>'name', a.d->>'unit', a.d->>'level', a.d->>'hazard',
           (a.d->>'every_months')::integer, a.d->>'rule', (a.d->>'from')::date, lc.last,
           (r.d->>'on')::date, r.recorded_at, a.recorded_at
      FROM planner_events a
      LEFT JOIN (SELECT x.d->>'plan' AS plan, max((x.d->>'on')::date) AS last FROM planner_events x
                  WHERE x.event_type = 'DrillConducted' GROUP BY 1) lc ON lc.plan = a.d->>'code'
      LEFT JOIN LATERAL (SELECT x.d, x.recorded_at FROM planner_events x WHERE x.event_type = 'PlanRetired'
                          AND x.key = a.key ORDER BY x.position DESC LIMIT 1) r ON true
     WHERE a.event_type = 'PlanAdded';

    INSERT INTO planner.drills (code, number, plan, scheduled_on, form, scope, scenario, status, conducted_on,
                                participants, evacuation_seconds, note, rating, report, evaluated_on, recorded_at,
                                conducted_recorded_at, cancelled_recorded_at)
    SELECT f.key, planner.code_number(f.key), f.d->>'plan',
           (SELECT (x.d->>'on')::date FROM planner_events x WHERE x.event_type IN ('DrillScheduled', 'DrillRescheduled')
             AND x.key = f.key ORDER BY x.position DESC LIMIT 1),
           s.d->>'form', s.d->>'scope', s.d->>'scenario',
           (SELECT CASE x.event_type WHEN 'DrillScheduled' THEN 'scheduled' WHEN 'DrillCancelled' THEN 'cancelled'
                   ELSE 'conducted' END
              FROM planner_events x WHERE x.event_type IN ('DrillScheduled', 'DrillCancelled', 'DrillConducted')
               AND x.key = f.key ORDER BY x.position DESC LIMIT 1),
           (c.d->>'on')::date, (c.d->>'participants')::integer, (c.d->>'evacuation_seconds')::integer, c.d->>'note',
           v.d->>'rating', v.d->>'report', (v.d->>'on')::date, f.recorded_at, c.recorded_at,
           (SELECT x.recorded_at FROM planner_events x WHERE x.event_type = 'DrillCancelled' AND x.key = f.key
             ORDER BY x.position DESC LIMIT 1)
      FROM planner_events f
      LEFT JOIN LATERAL (SELECT x.d FROM planner_events x WHERE x.event_type = 'DrillScheduled' AND x.key = f.key
                          ORDER BY x.position LIMIT 1) s ON true
      LEFT JOIN LATERAL (SELECT x.d, x.recorded_at FROM planner_events x WHERE x.event_type = 'DrillConducted'
                          AND x.key = f.key ORDER BY x.position DESC LIMIT 1) c ON true
      LEFT JOIN LATERAL (SELECT x.d FROM planner_events x WHERE x.event_type = 'DrillEvaluated' AND x.key = f.key
                          ORDER BY x.position DESC LIMIT 1) v ON true
     WHERE f.stream_version = 1 AND f.event_type IN ('DrillScheduled', 'DrillConducted');

    INSERT INTO planner.campaigns
    SELECT d->>'name', d->>'cadence', (d->>'window_days')::integer,
           CASE WHEN d ? 'communities' AND jsonb_typeof(d->'communities') = 'array'
                THEN ARRAY(SELECT jsonb_array_elements_text(d->'communities')) END,
           position, recorded_at
      FROM planner_events WHERE event_type = 'CampaignDefined';

    INSERT INTO planner.activities
    SELECT a.d->>'code', planner.code_number(a.d->>'code'), a.d->>'campaign', a.d->>'community', (a.d->>'on')::date,
           a.d->>'activity', (a.d->>'leaflets')::integer, (a.d->>'attendees')::integer, a.recorded_at,
           r.d->>'reason', r.recorded_at
      FROM planner_events a
      LEFT JOIN LATERAL (SELECT x.d, x.recorded_at FROM planner_events x WHERE x.event_type = 'ActivityRetracted'
                          AND x.key = a.key ORDER BY x.position DESC LIMIT 1) r ON true
     WHERE a.event_type = 'ActivityLogged';

    INSERT INTO planner.holiday_notices
    SELECT (d->'notice'->>'year')::integer, position, d->'notice', recorded_at
      FROM planner_events WHERE event_type = 'HolidayNoticeImported';

    INSERT INTO planner.inspections
    SELECT d->>'code', planner.code_number(d->>'code'), d->>'unit', (d->>'on')::date, d->>'inspector', d->>'kind',
           recorded_at
      FROM planner_events WHERE event_type = 'InspectionRecorded';

    INSERT INTO planner.findings (code, number, inspection, drill, inspected_on, unit, description, severity, due,
                                  deadline, responsible, recorded_at, reported_on, authority, remediation,
                                  remediation_due, evaluated_on, written_off_on, approved_by)
    SELECT a.d->>'code', planner.code_number(a.d->>'code'), a.d->>'inspection', a.d->>'drill',
           (a.d->>'inspected_on')::date, a.d->>'unit', a.d->>'text', a.d->>'severity', (a.d->>'due')::date,
           a.d->>'deadline', a.d->>'responsible', a.recorded_at,
           (rp.d->>'on')::date, rp.d->>'authority', pl.d->>'plan', (pl.d->>'due')::date, (ev.d->>'on')::date,
           (wo.d->>'on')::date, wo.d->>'approved_by'
      FROM planner_events a
      LEFT JOIN LATERAL (SELECT x.d FROM planner_events x WHERE x.event_type = 'MajorFindingReported' AND x.key = a.key
                          ORDER BY x.position DESC LIMIT 1) rp ON true
      LEFT JOIN LATERAL (SELECT x.d FROM planner_events x WHERE x.event_type = 'RemediationPlanned' AND x.key = a.key
                          ORDER BY x.position DESC LIMIT 1) pl ON true
      LEFT JOIN LATERAL (SELECT x.d FROM planner_events x WHERE x.event_type = 'MajorFindingEvaluated' AND x.key = a.key
                          ORDER BY x.position DESC LIMIT 1) ev ON true
      LEFT JOIN LATERAL (SELECT x.d FROM planner_events x WHERE x.event_type = 'MajorFindingWrittenOff' AND x.key = a.key
                          ORDER BY x.position DESC LIMIT 1) wo ON true
     WHERE a.event_type = 'FindingAdded';

    INSERT INTO planner.finding_steps
    SELECT key, position,
           CASE WHEN event_type = 'FindingRectified' THEN 'rectified' WHEN d->>'result' = 'pass' THEN 'passed'
                ELSE 'failed' END,
           (d->>'on')::date, d->>'note', recorded_at
      FROM planner_events WHERE event_type IN ('FindingRectified', 'FindingVerified');

    INSERT INTO planner.codes
    SELECT split_part(d->>'code', '-', 1), max(planner.code_number(d->>'code'))
      FROM vigil.events e(position, transaction_id, stream_id, stream_version, event_id, event_type, schema_version, d)
     WHERE stream_version = 1 AND d ? 'code'
     GROUP BY 1;
END
$$;

SELECT vigil.register_projection('planner', 2);
