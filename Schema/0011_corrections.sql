-- Corrections with reasons (issue 20): a plan's cadence, start or level, a drill's holding, a
-- finding's deadline, description
-- or severity, a unit's community recorded wrongly are corrected by a new event carrying the
-- changed fields and the reason, and an expense recorded in error is retracted; the original
-- stays in the log and `history` shows both.
--
-- 1. The event types, generated from EventRegistry.databaseJSON(); each is written by the roles
--    that may record the original (PlanAdded, DrillConducted, UnitAdded, ExpenseRecorded: supervisor;
--    FindingAdded: supervisor and inspector).
-- 2. Every report uses the corrected value, and asked as the log stood before the correction,
--    the old one. planner.drills and planner.findings keep the whole log's (latest) values; each
--    version (the original and every correction) is kept with the instant it was recorded, as
--    0009 keeps each scheduled date, and a report asked at an instant reads the latest version
--    recorded by then. Schema/projections/planner.sql fills them (and, as it changed, rebuilds
--    the projection).

INSERT INTO vigil.event_types (type, stream_kind, roles, schema_version, key, fields)
SELECT r.type, r.stream_kind, ARRAY(SELECT jsonb_array_elements_text(r.roles)), r.schema_version, r.key, r.fields
  FROM jsonb_to_recordset($registry$
[
{"fields": [{"kind": "positive", "name": "every_months", "required": false}, {"kind": "date", "name": "from", "required": false}, {"kind": "choice", "name": "level", "required": false, "values": ["comprehensive", "special", "onsite"]}, {"kind": "text", "max_length": 10000, "name": "reason", "required": true}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "plan", "type": "PlanCorrected"},
{"fields": [{"kind": "date", "name": "on", "required": false}, {"kind": "count", "name": "participants", "required": false}, {"kind": "count", "name": "evacuation_seconds", "required": false}, {"kind": "text", "max_length": 10000, "name": "reason", "required": true}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "drill", "type": "DrillCorrected"},
{"fields": [{"kind": "text", "max_length": 200, "name": "community", "required": true}, {"kind": "text", "max_length": 10000, "name": "reason", "required": true}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "unit", "type": "UnitMoved"},
{"fields": [{"kind": "text", "max_length": 10000, "name": "reason", "required": true}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "expense", "type": "ExpenseRetracted"},
{"fields": [{"kind": "date", "name": "due", "required": false}, {"kind": "text", "max_length": 10000, "name": "text", "required": false}, {"kind": "choice", "name": "severity", "required": false, "values": ["general", "major"]}, {"kind": "text", "max_length": 10000, "name": "reason", "required": true}], "roles": ["supervisor", "inspector"], "schema_version": 1, "stream_kind": "finding", "type": "FindingCorrected"}
]
$registry$::jsonb) AS r(type text, stream_kind text, roles jsonb, schema_version integer, key text, fields jsonb);

-- A plan's start, cadence and level: as added, then after each correction.
CREATE TABLE planner.plan_versions (
    plan         text NOT NULL,
    position     bigint NOT NULL,
    start_on     date NOT NULL,
    every_months integer NOT NULL,
    level        text NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (plan, position)
);

-- A held drill's date and head count: as recorded, then after each correction.
CREATE TABLE planner.drill_holdings (
    drill        text NOT NULL,
    position     bigint NOT NULL,
    conducted_on date NOT NULL,
    participants integer,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (drill, position)
);

-- A finding's description, severity and deadline: as recorded, then after each correction.
CREATE TABLE planner.finding_versions (
    finding     text NOT NULL,
    position    bigint NOT NULL,
    description text NOT NULL,
    severity    text NOT NULL,
    due         date NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (finding, position)
);

-- A unit's community: as added, then after each move.
CREATE TABLE planner.unit_communities (
    unit        text NOT NULL,
    position    bigint NOT NULL,
    community   text NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (unit, position)
);

ALTER TABLE planner.units ADD COLUMN moved_recorded_at timestamptz;
ALTER TABLE planner.plans ADD COLUMN corrected_recorded_at timestamptz;
ALTER TABLE planner.drills ADD COLUMN corrected_recorded_at timestamptz;
ALTER TABLE planner.expenses ADD COLUMN retracted_reason text, ADD COLUMN retracted_at timestamptz;
ALTER TABLE planner.findings ADD COLUMN corrected_recorded_at timestamptz;

-- A unit's community as the log stood at p_at (nil: the whole log), given its row's current
-- community and the instant of its latest move: the reports' one definition of it.
CREATE FUNCTION planner.community_at(p_unit text, p_current text, p_moved timestamptz, p_at timestamptz)
RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN p_at IS NULL OR p_moved IS NULL OR p_moved <= p_at THEN p_current
                ELSE (SELECT c.community FROM planner.unit_communities c
                       WHERE c.unit = p_unit AND c.recorded_at <= p_at
                       ORDER BY c.position DESC LIMIT 1) END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT SELECT ON planner.plan_versions, planner.drill_holdings, planner.finding_versions, planner.unit_communities TO %I, %I, %I, %I',
                   vigil.role_name('admin'), vigil.role_name('supervisor'), vigil.role_name('inspector'),
                   vigil.role_name('manager'));
END
$$;
