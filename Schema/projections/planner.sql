-- The planner's projection: how each event of the log changes the tables the reports read
-- (their shape is in the migrations, 0002 onwards).
--
-- This file is the projection's only definition. The migrator applies it again whenever its
-- text changes, and the version it registers at the end goes up each time, so `vigil migrate`
-- then rebuilds the tables by replaying the whole log through vigil.project_planner, the same
-- function that projects each event as it is appended. There is no second, set-based copy
-- to keep equal to it.
--
-- Every row carries its event's street, the first column of every key, and every UPDATE
-- stays in it. A value is computed before the statement that writes it, never in a subquery
-- of an INSERT: on Citus each statement is sent to the street's shards as it stands.
--
-- Each WHEN reads only the fields EventRegistry gives its type (ProjectionTests checks every
-- `d->>'field'` against the registry, and that every registered type has a WHEN).

-- Empties the planner's tables with DELETE, not TRUNCATE: inside the rebuild's transaction the
-- old rows stay visible to every reader until it commits, and no ACCESS EXCLUSIVE lock is taken
-- that a writer holding a read lock on a projection table could deadlock with.
CREATE OR REPLACE FUNCTION vigil.reset_planner() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM planner.communities;
    DELETE FROM planner.units;
    DELETE FROM planner.unit_communities;
    DELETE FROM planner.plans;
    DELETE FROM planner.plan_versions;
    DELETE FROM planner.drills;
    DELETE FROM planner.drill_schedules;
    DELETE FROM planner.drill_ratings;
    DELETE FROM planner.drill_holdings;
    DELETE FROM planner.campaigns;
    DELETE FROM planner.activities;
    DELETE FROM planner.holiday_notices;
    DELETE FROM planner.inspections;
    DELETE FROM planner.findings;
    DELETE FROM planner.finding_steps;
    DELETE FROM planner.finding_versions;
    DELETE FROM planner.budgets;
    DELETE FROM planner.expenses;
    DELETE FROM planner.targets;
    -- The code counters are the log's highest code of each kind in each street. An append never
    -- moves them: it takes only a code planner.next_code handed out. Counting them per event here
    -- updated one row per kind thousands of times in the rebuild's one transaction, each update
    -- a version more for the next to step over: more than half of a rebuild's time.
    DELETE FROM planner.codes;
    INSERT INTO planner.codes (street, kind, last)
    SELECT e.street, split_part(e.data->>'code', '-', 1), max(planner.code_number(e.data->>'code'))
      FROM vigil.events e
     WHERE e.stream_version = 1 AND e.data ? 'code'
     GROUP BY 1, 2;
END
$$;

CREATE OR REPLACE FUNCTION vigil.project_planner(e vigil.events) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    d jsonb := e.data;
    v_code text := substr(e.stream_id, strpos(e.stream_id, ':') + 1);
    v_plan text;
    v_communities text[];
BEGIN
    CASE e.event_type
    WHEN 'CommunityAdded' THEN
        INSERT INTO planner.communities VALUES (d->>'name', e.position, e.recorded_at, e.street);
    WHEN 'UnitAdded' THEN
        INSERT INTO planner.units (street, name, community, kind, key_fire_unit, closed_on, position, recorded_at)
        VALUES (e.street, d->>'name', d->>'community', d->>'kind', (d->>'key_fire_unit')::boolean, NULL, e.position,
            e.recorded_at);
        INSERT INTO planner.unit_communities VALUES (d->>'name', e.position, d->>'community', e.recorded_at, e.street);
    WHEN 'UnitMoved' THEN
        UPDATE planner.units SET community = d->>'community', moved_recorded_at = e.recorded_at WHERE street = e.street AND name = v_code;
        INSERT INTO planner.unit_communities VALUES (v_code, e.position, d->>'community', e.recorded_at, e.street);
    WHEN 'UnitReclassified' THEN
        UPDATE planner.units SET kind = coalesce(d->>'kind', kind),
               key_fire_unit = coalesce((d->>'key_fire_unit')::boolean, key_fire_unit)
         WHERE street = e.street AND name = v_code;
    WHEN 'UnitClosed' THEN
        UPDATE planner.units SET closed_on = (d->>'on')::date, closed_recorded_at = e.recorded_at
         WHERE street = e.street AND name = v_code;
    WHEN 'PlanAdded' THEN
        INSERT INTO planner.plans VALUES (d->>'code', planner.code_number(d->>'code'), d->>'name', d->>'unit',
            d->>'level', d->>'hazard', (d->>'every_months')::integer, d->>'rule', (d->>'from')::date,
            NULL, NULL, NULL, e.recorded_at, NULL, e.street);
        INSERT INTO planner.plan_versions VALUES (d->>'code', e.position, (d->>'from')::date,
            (d->>'every_months')::integer, d->>'level', e.recorded_at, e.street);
    WHEN 'PlanCorrected' THEN
        UPDATE planner.plans SET start_on = coalesce((d->>'from')::date, start_on),
               every_months = coalesce((d->>'every_months')::integer, every_months),
               level = coalesce(d->>'level', level), corrected_recorded_at = e.recorded_at
         WHERE street = e.street AND code = v_code;
        INSERT INTO planner.plan_versions
        SELECT code, e.position, start_on, every_months, level, e.recorded_at, street FROM planner.plans WHERE street = e.street AND code = v_code;
    WHEN 'PlanRetired' THEN
        UPDATE planner.plans SET retired_on = (d->>'on')::date, retired_recorded_at = e.recorded_at
         WHERE street = e.street AND code = v_code;
    WHEN 'PlanRevised', 'PlanEvaluated' THEN
        NULL;
    WHEN 'DrillScheduled' THEN
        INSERT INTO planner.drills (street, code, number, plan, scheduled_on, form, scope, scenario, status, recorded_at)
        VALUES (e.street, d->>'code', planner.code_number(d->>'code'), d->>'plan', (d->>'on')::date, d->>'form',
            d->>'scope', d->>'scenario', 'scheduled', e.recorded_at);
        INSERT INTO planner.drill_schedules VALUES (d->>'code', e.position, (d->>'on')::date, e.recorded_at, e.street);
    WHEN 'DrillRescheduled' THEN
        UPDATE planner.drills SET scheduled_on = (d->>'on')::date WHERE street = e.street AND code = v_code;
        INSERT INTO planner.drill_schedules VALUES (v_code, e.position, (d->>'on')::date, e.recorded_at, e.street);
    WHEN 'DrillCancelled' THEN
        UPDATE planner.drills SET status = 'cancelled', cancelled_recorded_at = e.recorded_at WHERE street = e.street AND code = v_code;
    WHEN 'DrillConducted' THEN
        -- A drill held without a schedule is its first record. One statement, not an insert
        -- that conflicts and then an update: a third of a replay's events are this one.
        INSERT INTO planner.drills (street, code, number, plan, status, conducted_on, participants,
                                    evacuation_seconds, note, recorded_at, conducted_recorded_at)
        VALUES (e.street, d->>'code', planner.code_number(d->>'code'), d->>'plan', 'conducted', (d->>'on')::date,
            (d->>'participants')::integer, (d->>'evacuation_seconds')::integer, d->>'note', e.recorded_at,
            e.recorded_at)
        ON CONFLICT (street, code) DO UPDATE
           SET status = 'conducted', conducted_on = excluded.conducted_on, participants = excluded.participants,
               evacuation_seconds = excluded.evacuation_seconds, note = excluded.note,
               conducted_recorded_at = excluded.conducted_recorded_at;
        UPDATE planner.plans SET last_conducted_on = greatest(last_conducted_on, (d->>'on')::date)
         WHERE street = e.street AND code = d->>'plan';
        INSERT INTO planner.drill_holdings VALUES (d->>'code', e.position, (d->>'on')::date,
            (d->>'participants')::integer, e.recorded_at, e.street);
    WHEN 'DrillCorrected' THEN
        -- The drill keeps the corrected values; each version is kept with its instant.
        UPDATE planner.drills SET conducted_on = coalesce((d->>'on')::date, conducted_on),
               participants = coalesce((d->>'participants')::integer, participants),
               evacuation_seconds = coalesce((d->>'evacuation_seconds')::integer, evacuation_seconds),
               corrected_recorded_at = e.recorded_at
         WHERE street = e.street AND code = v_code;
        INSERT INTO planner.drill_holdings
        SELECT code, e.position, conducted_on, participants, e.recorded_at, street FROM planner.drills WHERE street = e.street AND code = v_code;
        -- A date moved earlier may no longer be the plan's latest drill.
        SELECT x.plan INTO v_plan FROM planner.drills x WHERE x.street = e.street AND x.code = v_code;
        UPDATE planner.plans p
           SET last_conducted_on = (SELECT max(x.conducted_on) FROM planner.drills x
                                     WHERE x.street = e.street AND x.plan = v_plan AND x.status = 'conducted')
         WHERE p.street = e.street AND p.code = v_plan;
    WHEN 'DrillEvaluated' THEN
        UPDATE planner.drills SET rating = d->>'rating', report = d->>'report', evaluated_on = (d->>'on')::date
         WHERE street = e.street AND code = v_code;
        INSERT INTO planner.drill_ratings VALUES (v_code, e.position, d->>'rating', e.recorded_at, e.street);
    WHEN 'CampaignDefined' THEN
        IF d ? 'communities' AND jsonb_typeof(d->'communities') = 'array' THEN
            v_communities := ARRAY(SELECT jsonb_array_elements_text(d->'communities'));
        END IF;
        INSERT INTO planner.campaigns VALUES (d->>'name', d->>'cadence', (d->>'window_days')::integer,
            v_communities, e.position, e.recorded_at, e.street);
    WHEN 'ActivityLogged' THEN
        INSERT INTO planner.activities VALUES (d->>'code', planner.code_number(d->>'code'), d->>'campaign',
            d->>'community', (d->>'on')::date, d->>'activity', (d->>'leaflets')::integer,
            (d->>'attendees')::integer, e.recorded_at, NULL, NULL, e.street);
    WHEN 'ActivityRetracted' THEN
        UPDATE planner.activities SET retracted_reason = d->>'reason', retracted_at = e.recorded_at
         WHERE street = e.street AND code = v_code;
    WHEN 'HolidayNoticeImported' THEN
        INSERT INTO planner.holiday_notices VALUES ((d->'notice'->>'year')::integer, e.position, d->'notice',
            e.recorded_at, e.street);
    WHEN 'InspectionRecorded' THEN
        INSERT INTO planner.inspections VALUES (d->>'code', planner.code_number(d->>'code'), d->>'unit',
            (d->>'on')::date, d->>'inspector', d->>'kind', e.recorded_at, e.street);
    WHEN 'FindingAdded' THEN
        INSERT INTO planner.findings (street, code, number, inspection, drill, inspected_on, unit, description, severity,
                                      due, deadline, responsible, recorded_at)
        VALUES (e.street, d->>'code', planner.code_number(d->>'code'), d->>'inspection', d->>'drill',
            (d->>'inspected_on')::date, d->>'unit', d->>'text', d->>'severity', (d->>'due')::date,
            d->>'deadline', d->>'responsible', e.recorded_at);
        INSERT INTO planner.finding_versions VALUES (d->>'code', e.position, d->>'text', d->>'severity',
            (d->>'due')::date, e.recorded_at, e.street);
    WHEN 'FindingCorrected' THEN
        UPDATE planner.findings SET description = coalesce(d->>'text', description),
               severity = coalesce(d->>'severity', severity), due = coalesce((d->>'due')::date, due),
               corrected_recorded_at = e.recorded_at
         WHERE street = e.street AND code = v_code;
        INSERT INTO planner.finding_versions
        SELECT code, e.position, description, severity, due, e.recorded_at, street FROM planner.findings WHERE street = e.street AND code = v_code;
    WHEN 'MajorFindingReported' THEN
        UPDATE planner.findings SET reported_on = (d->>'on')::date, authority = d->>'authority' WHERE street = e.street AND code = v_code;
    WHEN 'RemediationPlanned' THEN
        UPDATE planner.findings SET remediation = d->>'plan', remediation_due = (d->>'due')::date WHERE street = e.street AND code = v_code;
    WHEN 'MajorFindingEvaluated' THEN
        UPDATE planner.findings SET evaluated_on = (d->>'on')::date WHERE street = e.street AND code = v_code;
    WHEN 'MajorFindingWrittenOff' THEN
        UPDATE planner.findings SET written_off_on = (d->>'on')::date, approved_by = d->>'approved_by',
               written_off_recorded_at = e.recorded_at
         WHERE street = e.street AND code = v_code;
    WHEN 'FindingRectified' THEN
        INSERT INTO planner.finding_steps VALUES (v_code, e.position, 'rectified', (d->>'on')::date,
            d->>'note', e.recorded_at, e.street);
    WHEN 'FindingVerified' THEN
        INSERT INTO planner.finding_steps VALUES (v_code, e.position,
            CASE WHEN d->>'result' = 'pass' THEN 'passed' ELSE 'failed' END, (d->>'on')::date,
            d->>'note', e.recorded_at, e.street);
    WHEN 'BudgetSet' THEN
        INSERT INTO planner.budgets VALUES ((d->>'year')::integer, d->>'line', (d->>'amount')::numeric, e.position,
            e.recorded_at, e.street);
    WHEN 'ExpenseRecorded' THEN
        INSERT INTO planner.expenses VALUES (d->>'code', planner.code_number(d->>'code'), d->>'line',
            (d->>'on')::date, (d->>'amount')::numeric, d->>'note', e.recorded_at, NULL, NULL, e.street);
    WHEN 'ExpenseRetracted' THEN
        UPDATE planner.expenses SET retracted_reason = d->>'reason', retracted_at = e.recorded_at WHERE street = e.street AND code = v_code;
    WHEN 'TargetSet' THEN
        INSERT INTO planner.targets VALUES ((d->>'year')::integer, d->>'indicator', (d->>'percent')::integer,
            e.position, e.recorded_at, e.street);
    ELSE
        NULL;
    END CASE;

END
$$;

-- Until this file, a rebuild replayed the log with a second, set-based definition.
DROP FUNCTION IF EXISTS vigil.bulk_planner();

SELECT vigil.register_projection(
    'planner', coalesce((SELECT p.version FROM vigil.projections p WHERE p.name = 'planner'), 0) + 1);
