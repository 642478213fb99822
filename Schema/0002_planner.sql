-- The planner's read models: one projection, "planner", over the domain's events.
-- Reports read these tables; only vigil.append() (through vigil.project) and vigil.rebuild()
-- write them.

CREATE SCHEMA planner;

CREATE TABLE planner.communities (
    name        text PRIMARY KEY,
    position    bigint NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE TABLE planner.units (
    name          text PRIMARY KEY,
    community     text NOT NULL,
    kind          text NOT NULL,
    key_fire_unit boolean NOT NULL,
    closed_on     date,
    position      bigint NOT NULL,
    recorded_at   timestamptz NOT NULL
);

CREATE TABLE planner.plans (
    code          text PRIMARY KEY,
    number        integer NOT NULL,
    name          text NOT NULL,
    unit          text NOT NULL,
    level         text NOT NULL,
    hazard        text,
    every_months  integer NOT NULL,
    rule          text,
    start_on      date NOT NULL,
    -- The latest drill held, whatever the as-of date: answers "as of today" without a lookup.
    last_conducted_on date,
    retired_on    date,
    retired_recorded_at timestamptz,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX plans_unit ON planner.plans (unit);

CREATE TABLE planner.drills (
    code            text PRIMARY KEY,
    number          integer NOT NULL,
    plan            text NOT NULL,
    scheduled_on    date,
    form            text,
    scope           text,
    scenario        text,
    status          text NOT NULL,
    conducted_on    date,
    participants    integer,
    evacuation_seconds integer,
    note            text,
    rating          text,
    report          text,
    evaluated_on    date,
    recorded_at     timestamptz NOT NULL,
    conducted_recorded_at timestamptz,
    cancelled_recorded_at timestamptz
);
CREATE INDEX drills_plan_conducted ON planner.drills (plan, conducted_on);

CREATE TABLE planner.campaigns (
    name        text PRIMARY KEY,
    cadence     text NOT NULL,
    window_days integer NOT NULL,
    communities text[],
    position    bigint NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE TABLE planner.activities (
    code          text PRIMARY KEY,
    number        integer NOT NULL,
    campaign      text NOT NULL,
    community     text NOT NULL,
    on_date       date NOT NULL,
    activity      text,
    leaflets      integer,
    attendees     integer,
    recorded_at   timestamptz NOT NULL,
    retracted_reason text,
    retracted_at  timestamptz
);
CREATE INDEX activities_campaign_community_date ON planner.activities (campaign, community, on_date);

-- Every imported notice is kept; a question uses, per year, the newest one recorded by then.
CREATE TABLE planner.holiday_notices (
    year        integer NOT NULL,
    position    bigint NOT NULL,
    notice      jsonb NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (year, position)
);

CREATE TABLE planner.inspections (
    code        text PRIMARY KEY,
    number      integer NOT NULL,
    unit        text NOT NULL,
    on_date     date NOT NULL,
    inspector   text,
    kind        text,
    recorded_at timestamptz NOT NULL
);

CREATE TABLE planner.findings (
    code        text PRIMARY KEY,
    number      integer NOT NULL,
    inspection  text,
    drill       text,
    inspected_on date NOT NULL,
    unit        text NOT NULL,
    description text NOT NULL,
    severity    text NOT NULL,
    due         date NOT NULL,
    deadline    text NOT NULL,
    responsible text,
    recorded_at timestamptz NOT NULL,
    -- The extra steps of a major finding.
    reported_on     date,
    authority       text,
    remediation     text,
    remediation_due date,
    evaluated_on    date,
    written_off_on  date,
    approved_by     text
);

-- Each step of a finding's life, dated when it happened, so status can be asked as of any date.
CREATE TABLE planner.finding_steps (
    finding     text NOT NULL,
    position    bigint NOT NULL,
    step        text NOT NULL CHECK (step IN ('rectified', 'passed', 'failed')),
    on_date     date NOT NULL,
    note        text,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (finding, position)
);

-- Codes (P-1, D-1, …): numbered per kind in creation order, never reused.
CREATE TABLE planner.codes (
    kind text PRIMARY KEY,
    last integer NOT NULL
);

CREATE FUNCTION planner.code_number(code text) RETURNS integer
LANGUAGE sql IMMUTABLE
AS $$ SELECT substring(code FROM '[0-9]+$')::integer $$;

CREATE FUNCTION vigil.reset_planner() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    TRUNCATE planner.communities, planner.units, planner.plans, planner.drills, planner.campaigns,
             planner.activities, planner.holiday_notices, planner.inspections, planner.findings,
             planner.finding_steps, planner.codes;
END
$$;

CREATE FUNCTION vigil.project_planner(e vigil.events) RETURNS void
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
        INSERT INTO planner.units VALUES (d->>'name', d->>'community', d->>'kind',
            (d->>'key_fire_unit')::boolean, NULL, e.position, e.recorded_at);
    WHEN 'UnitReclassified' THEN
        UPDATE planner.units SET kind = coalesce(d->>'kind', kind),
               key_fire_unit = coalesce((d->>'key_fire_unit')::boolean, key_fire_unit)
         WHERE name = v_code;
    WHEN 'UnitClosed' THEN
        UPDATE planner.units SET closed_on = (d->>'on')::date WHERE name = v_code;
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

SELECT vigil.register_projection('planner', 1);

-- The next code of a kind (P, D, A, I, F), taken inside the command's transaction: a refused
-- command rolls back with it, so codes are never skipped or reused.
CREATE FUNCTION planner.next_code(p_kind text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, planner, pg_temp
AS $$
DECLARE
    v_last integer;
BEGIN
    IF p_kind NOT IN ('P', 'D', 'A', 'I', 'F') THEN
        RAISE EXCEPTION 'no code kind %', p_kind USING ERRCODE = '22023';
    END IF;
    INSERT INTO planner.codes AS c VALUES (p_kind, 1)
    ON CONFLICT (kind) DO UPDATE SET last = c.last + 1
    RETURNING last INTO v_last;
    RETURN p_kind || '-' || v_last;
END
$$;

-- Who may append what (vigil_admin may append anything).
INSERT INTO vigil.event_permissions (event_type, role)
SELECT t, 'vigil_supervisor' FROM unnest(ARRAY[
    'CommunityAdded', 'UnitAdded', 'UnitReclassified', 'UnitClosed',
    'PlanAdded', 'PlanRevised', 'PlanEvaluated', 'PlanRetired',
    'DrillScheduled', 'DrillRescheduled', 'DrillCancelled', 'DrillConducted', 'DrillEvaluated',
    'FindingAdded',
    'CampaignDefined', 'ActivityLogged', 'ActivityRetracted', 'HolidayNoticeImported']) AS t
UNION ALL
SELECT t, 'vigil_inspector' FROM unnest(ARRAY[
    'InspectionRecorded', 'FindingAdded', 'FindingRectified', 'FindingVerified',
    'MajorFindingReported', 'RemediationPlanned', 'MajorFindingEvaluated', 'MajorFindingWrittenOff',
    'ActivityLogged', 'ActivityRetracted']) AS t;

REVOKE ALL ON ALL TABLES IN SCHEMA planner FROM PUBLIC;
REVOKE ALL ON FUNCTION planner.next_code(text) FROM PUBLIC;
GRANT USAGE ON SCHEMA planner TO vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
GRANT SELECT ON ALL TABLES IN SCHEMA planner TO vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
GRANT EXECUTE ON FUNCTION planner.next_code(text) TO vigil_admin, vigil_supervisor, vigil_inspector;

-- The planner's set-based replay, used by vigil.rebuild('planner'): the same tables as
-- applying every event in order (a test compares them row for row after random workloads),
-- built a table at a time. "The last event of a kind in a stream wins", as in the
-- event-by-event projection.
CREATE FUNCTION vigil.bulk_planner() RETURNS void
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

    INSERT INTO planner.units
    SELECT a.d->>'name', a.d->>'community',
           coalesce((SELECT r.d->>'kind' FROM planner_events r WHERE r.event_type = 'UnitReclassified'
                      AND r.key = a.key AND r.d->>'kind' IS NOT NULL ORDER BY r.position DESC LIMIT 1), a.d->>'kind'),
           coalesce((SELECT (r.d->>'key_fire_unit')::boolean FROM planner_events r WHERE r.event_type = 'UnitReclassified'
                      AND r.key = a.key AND r.d->>'key_fire_unit' IS NOT NULL ORDER BY r.position DESC LIMIT 1),
                    (a.d->>'key_fire_unit')::boolean),
           (SELECT (c.d->>'on')::date FROM planner_events c WHERE c.event_type = 'UnitClosed' AND c.key = a.key
             ORDER BY c.position DESC LIMIT 1),
           a.position, a.recorded_at
      FROM planner_events a WHERE a.event_type = 'UnitAdded';

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
