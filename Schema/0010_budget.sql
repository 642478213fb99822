-- Budgets, expenses and targets for the annual self-evaluation (issue 17).
--
-- 1. Three event types, generated from EventRegistry.databaseJSON() like 0004's rows:
--    BudgetSet (stream budget:YEAR), ExpenseRecorded (expense:E-n) and TargetSet (target:YEAR).
-- 2. vigil.field_fits learns three kinds: "amount" (yuan with at most two decimals, as a
--    string, so nobody can store 1e9, -5 or 1.234), "year" and "percent".
-- 3. planner.next_code hands out expense codes (E-n).
-- 4. The projection's tables; every row keeps recorded_at, so a report can be asked as the log
--    stood at an instant. The projection itself is in Schema/projections/planner.sql.
-- Number 0010, not 0009: another change was planned as 0009 at the same time; migrations apply in
-- order of their numbers and a gap is allowed.

INSERT INTO vigil.stream_kinds VALUES ('budget', NULL), ('expense', 'E'), ('target', NULL);

INSERT INTO vigil.event_types (type, stream_kind, roles, schema_version, key, fields)
SELECT r.type, r.stream_kind, ARRAY(SELECT jsonb_array_elements_text(r.roles)), r.schema_version, r.key, r.fields
  FROM jsonb_to_recordset($registry$
[
{"fields": [{"kind": "text", "max_length": 200, "name": "line", "required": true}, {"kind": "year", "name": "year", "required": true}, {"kind": "amount", "name": "amount", "required": true}], "key": "year", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "budget", "type": "BudgetSet"},
{"fields": [{"kind": "code", "name": "code", "prefix": "E", "required": true}, {"kind": "text", "max_length": 200, "name": "line", "required": true}, {"kind": "date", "name": "on", "required": true}, {"kind": "amount", "name": "amount", "required": true}, {"kind": "text", "max_length": 10000, "name": "note", "required": false}], "key": "code", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "expense", "type": "ExpenseRecorded"},
{"fields": [{"kind": "choice", "name": "indicator", "required": true, "values": ["drills-on-time", "campaigns-kept", "hazards-closed", "hazards-on-time"]}, {"kind": "year", "name": "year", "required": true}, {"kind": "percent", "name": "percent", "required": true}], "key": "year", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "target", "type": "TargetSet"}
]
$registry$::jsonb) AS r(type text, stream_kind text, roles jsonb, schema_version integer, key text, fields jsonb);

-- vigil.field_fits (0004, and 0005's "attachments") learns "year", "percent" and "amount".
-- The numeric casts sit behind a CASE so that a value of the wrong JSON type is refused, never
-- an error of the cast.
CREATE OR REPLACE FUNCTION vigil.field_fits(p_field jsonb, p_value jsonb) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE p_field->>'kind'
        WHEN 'text' THEN jsonb_typeof(p_value) = 'string'
                         AND length(p_value #>> '{}') BETWEEN 1 AND (p_field->>'max_length')::integer
        WHEN 'date' THEN vigil.is_date(p_value)
        WHEN 'count' THEN vigil.is_whole(p_value, 0)
        WHEN 'positive' THEN vigil.is_whole(p_value, 1)
        WHEN 'year' THEN CASE WHEN vigil.is_whole(p_value, 1900) THEN (p_value #>> '{}')::numeric <= 2999 ELSE false END
        WHEN 'percent' THEN CASE WHEN vigil.is_whole(p_value, 0) THEN (p_value #>> '{}')::numeric <= 100 ELSE false END
        -- Yuan as a string: digits (at most 12), optionally one or two decimals; no sign, no
        -- exponent, at most 999999999999.99 — what Yuan in Sources/Planner/Budget accepts.
        WHEN 'amount' THEN jsonb_typeof(p_value) = 'string'
                           AND (p_value #>> '{}') ~ '^[0-9]{1,12}(\.[0-9]{1,2})?$'
        WHEN 'boolean' THEN jsonb_typeof(p_value) = 'boolean'
        WHEN 'choice' THEN jsonb_typeof(p_value) = 'string' AND (p_field->'values') ? (p_value #>> '{}')
        WHEN 'code' THEN jsonb_typeof(p_value) = 'string'
                         AND (p_value #>> '{}') ~ ('^' || (p_field->>'prefix') || '-[1-9][0-9]{0,8}$')
        WHEN 'codes' THEN jsonb_typeof(p_value) = 'array' AND jsonb_array_length(p_value) <= 1000
                          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_value) AS x
                                           WHERE jsonb_typeof(x) <> 'string'
                                              OR (x #>> '{}') !~ ('^' || (p_field->>'prefix') || '-[1-9][0-9]{0,8}$'))
        WHEN 'names' THEN jsonb_typeof(p_value) = 'array' AND jsonb_array_length(p_value) <= 1000
                          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_value) AS x
                                           WHERE jsonb_typeof(x) <> 'string'
                                              OR length(x #>> '{}') NOT BETWEEN 1 AND (p_field->>'max_length')::integer)
        WHEN 'object' THEN jsonb_typeof(p_value) = 'object'
        WHEN 'array' THEN jsonb_typeof(p_value) = 'array'
        -- Each photo names a stored attachment, with its stored type and size.
        WHEN 'attachments' THEN jsonb_typeof(p_value) = 'array' AND jsonb_array_length(p_value) BETWEEN 1 AND 20
                                AND NOT EXISTS (
                                    SELECT 1 FROM jsonb_array_elements(p_value) AS x
                                     WHERE jsonb_typeof(x) <> 'object'
                                        OR EXISTS (SELECT 1 FROM jsonb_object_keys(x) AS k
                                                    WHERE k NOT IN ('sha256', 'name', 'type', 'size'))
                                        OR jsonb_typeof(x->'name') IS DISTINCT FROM 'string'
                                        OR length(x->>'name') NOT BETWEEN 1 AND 200
                                        OR NOT EXISTS (SELECT 1 FROM vigil.attachments a
                                                        WHERE a.sha256 = x->>'sha256'
                                                          AND to_jsonb(a.content_type) = x->'type'
                                                          AND to_jsonb(a.size) = x->'size'))
        ELSE false
    END
$$;

-- The next code of a kind, as 0004 defined it, with expenses (E) added.
CREATE OR REPLACE FUNCTION planner.next_code(p_kind text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, planner, pg_temp
AS $$
DECLARE
    v_last integer;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('P', 'D', 'A', 'I', 'F', 'E') THEN
        RAISE EXCEPTION 'no code kind %', p_kind USING ERRCODE = '22023';
    END IF;
    INSERT INTO planner.codes AS c VALUES (p_kind, 1)
    ON CONFLICT (kind) DO UPDATE SET last = c.last + 1
    RETURNING c.last INTO v_last;
    IF v_last > 999999999 THEN
        RAISE EXCEPTION 'the % codes are used up', p_kind USING ERRCODE = '22003';
    END IF;
    RETURN p_kind || '-' || v_last;
END
$$;

-- Every setting of a line is kept: the latest recorded by an instant is the line's amount then.
CREATE TABLE planner.budgets (
    year        integer NOT NULL,
    line        text NOT NULL,
    amount      numeric(14, 2) NOT NULL,
    position    bigint NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (year, line, position)
);

CREATE TABLE planner.expenses (
    code        text PRIMARY KEY,
    number      integer NOT NULL,
    line        text NOT NULL,
    on_date     date NOT NULL,
    amount      numeric(14, 2) NOT NULL,
    note        text,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX expenses_on_date ON planner.expenses (on_date);

-- Every setting of a target is kept, like budgets.
CREATE TABLE planner.targets (
    year        integer NOT NULL,
    indicator   text NOT NULL,
    percent     integer NOT NULL,
    position    bigint NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (year, indicator, position)
);

DO $$
BEGIN
    EXECUTE format('GRANT SELECT ON planner.budgets, planner.expenses, planner.targets TO %I, %I, %I, %I',
                   vigil.role_name('admin'), vigil.role_name('supervisor'), vigil.role_name('inspector'),
                   vigil.role_name('manager'));
END
$$;
