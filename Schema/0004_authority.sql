-- The database as the only authority (see docs/threat-model.md).
--
-- 1. This database's own group roles, named from an id it keeps, so that a user of another
--    Vigil database on the same server has no rights here and cannot even connect.
-- 2. Every event checked against the one definition of the event types (vigil.event_types,
--    generated from the Swift registry): stream kind, rights, payload, codes, schema version.
-- 3. SECURITY DEFINER functions pin search_path with pg_temp last and qualify what they read.
-- 4. A new stream's row is created under a lock before its version is read, so two writers
--    creating one stream race to a clean "wrong expected version", never a unique violation.
-- 5. Rebuild deletes instead of truncating: readers keep reading the old rows until it
--    commits, and a writer that read a projection table cannot deadlock with it.
-- 6. The append-only triggers fire under session_replication_role = replica too, and the
--    stream heads are protected like the log.

-- ------------------------------------------------------------------ this database's roles

CREATE TABLE vigil.instance (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    -- Names this database's group roles; a restored copy keeps it, and so its roles.
    id        text NOT NULL CHECK (id ~ '^[0-9a-f]{10}$')
);

DO $$
DECLARE
    v_id text;
BEGIN
    LOOP
        v_id := substr(md5(random()::text || clock_timestamp()::text || current_database()), 1, 10);
        EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname LIKE 'vigil\_' || v_id || '\_%');
    END LOOP;
    INSERT INTO vigil.instance (id) VALUES (v_id);
END
$$;

-- The name of this database's group role for a Vigil role (admin, supervisor, inspector, manager).
CREATE FUNCTION vigil.role_name(p_role text) RETURNS name
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT ('vigil_' || i.id || '_' || p_role)::name FROM vigil.instance i
     WHERE p_role IN ('admin', 'supervisor', 'inspector', 'manager')
$$;

DO $$
DECLARE
    r text;
    v_group name;
    v_member name;
BEGIN
    FOREACH r IN ARRAY ARRAY['admin', 'supervisor', 'inspector', 'manager'] LOOP
        v_group := vigil.role_name(r);
        EXECUTE format('CREATE ROLE %I NOLOGIN', v_group);
        -- A database migrated from the cluster-wide roles keeps its people: the members of the
        -- old role become members of this database's own.
        FOR v_member IN
            SELECT u.rolname FROM pg_catalog.pg_auth_members m
              JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
              JOIN pg_catalog.pg_roles u ON u.oid = m.member
             WHERE g.rolname = 'vigil_' || r AND u.rolcanlogin
              AND EXISTS (SELECT 1 FROM vigil.events LIMIT 1)
        LOOP
            EXECUTE format('GRANT %I TO %I', v_group, v_member);
        END LOOP;
    END LOOP;
    -- Nobody connects but this database's people (and superusers).
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I, %I, %I, %I', current_database(),
        vigil.role_name('admin'), vigil.role_name('supervisor'), vigil.role_name('inspector'), vigil.role_name('manager'));
END
$$;

-- The cluster-wide roles of earlier versions have no rights here any more.
REVOKE ALL ON ALL TABLES IN SCHEMA vigil, planner, vigil_meta
    FROM vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA vigil, planner
    FROM PUBLIC, vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA vigil FROM vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
REVOKE ALL ON SCHEMA vigil, planner, vigil_meta FROM PUBLIC, vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
DROP TABLE vigil.event_permissions;

-- True when the session's user holds the Vigil role here (superusers and admins hold every one).
CREATE OR REPLACE FUNCTION vigil.has_role(p_role name) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user), false)
        OR pg_catalog.pg_has_role(session_user, vigil.role_name('admin'), 'MEMBER')
        OR (vigil.role_name(p_role) IS NOT NULL
            AND pg_catalog.pg_has_role(session_user, vigil.role_name(p_role), 'MEMBER'))
$$;

-- The Vigil roles the session's user holds here, for the shell's prompt and refusals.
CREATE FUNCTION vigil.session_roles() RETURNS text[]
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN vigil.has_role('admin') THEN ARRAY['admin']
           ELSE ARRAY(SELECT r FROM unnest(ARRAY['supervisor', 'inspector', 'manager']) AS r
                       WHERE pg_catalog.pg_has_role(session_user, vigil.role_name(r), 'MEMBER'))
           END
$$;

-- ------------------------------------------------------------------ the event types

CREATE TABLE vigil.event_types (
    type            text    PRIMARY KEY,
    stream_kind     text    NOT NULL,
    roles           text[]  NOT NULL,
    schema_version  integer NOT NULL,
    key             text,
    fields          jsonb   NOT NULL
);

-- The stream kinds whose key is a code, and the code's letter.
CREATE TABLE vigil.stream_kinds (
    kind        text PRIMARY KEY,
    code_prefix text
);
INSERT INTO vigil.stream_kinds VALUES
    ('community', NULL), ('unit', NULL), ('campaign', NULL), ('holidays', NULL),
    ('plan', 'P'), ('drill', 'D'), ('activity', 'A'), ('inspection', 'I'), ('finding', 'F');

-- Generated from EventRegistry.databaseJSON() (Sources/Planner/Events/EventRegistry.swift); a
-- test compares this table with the Swift registry.
INSERT INTO vigil.event_types (type, stream_kind, roles, schema_version, key, fields)
SELECT r.type, r.stream_kind, ARRAY(SELECT jsonb_array_elements_text(r.roles)), r.schema_version, r.key, r.fields
  FROM jsonb_to_recordset($registry$
[
{"fields": [{"kind": "text", "max_length": 200, "name": "name", "required": true}], "key": "name", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "community", "type": "CommunityAdded"},
{"fields": [{"kind": "text", "max_length": 200, "name": "name", "required": true}, {"kind": "text", "max_length": 200, "name": "community", "required": true}, {"kind": "choice", "name": "kind", "required": true, "values": ["primary-school", "middle-school", "kindergarten", "enterprise", "crowded-place", "hazardous", "government", "residential", "other"]}, {"kind": "boolean", "name": "key_fire_unit", "required": true}], "key": "name", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "unit", "type": "UnitAdded"},
{"fields": [{"kind": "choice", "name": "kind", "required": false, "values": ["primary-school", "middle-school", "kindergarten", "enterprise", "crowded-place", "hazardous", "government", "residential", "other"]}, {"kind": "boolean", "name": "key_fire_unit", "required": false}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "unit", "type": "UnitReclassified"},
{"fields": [{"kind": "date", "name": "on", "required": true}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "unit", "type": "UnitClosed"},
{"fields": [{"kind": "code", "name": "code", "prefix": "P", "required": true}, {"kind": "text", "max_length": 200, "name": "name", "required": true}, {"kind": "text", "max_length": 200, "name": "unit", "required": true}, {"kind": "choice", "name": "level", "required": true, "values": ["comprehensive", "special", "onsite"]}, {"kind": "text", "max_length": 10000, "name": "hazard", "required": false}, {"kind": "positive", "name": "every_months", "required": true}, {"kind": "text", "max_length": 200, "name": "rule", "required": false}, {"kind": "date", "name": "from", "required": true}], "key": "code", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "plan", "type": "PlanAdded"},
{"fields": [{"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 10000, "name": "reason", "required": true}, {"kind": "code", "name": "finding", "prefix": "F", "required": false}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "plan", "type": "PlanRevised"},
{"fields": [{"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 10000, "name": "note", "required": false}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "plan", "type": "PlanEvaluated"},
{"fields": [{"kind": "date", "name": "on", "required": true}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "plan", "type": "PlanRetired"},
{"fields": [{"kind": "code", "name": "code", "prefix": "D", "required": true}, {"kind": "code", "name": "plan", "prefix": "P", "required": true}, {"kind": "date", "name": "on", "required": true}, {"kind": "choice", "name": "form", "required": false, "values": ["tabletop", "live"]}, {"kind": "choice", "name": "scope", "required": false, "values": ["single", "comprehensive"]}, {"kind": "text", "max_length": 10000, "name": "scenario", "required": false}], "key": "code", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "drill", "type": "DrillScheduled"},
{"fields": [{"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 10000, "name": "reason", "required": true}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "drill", "type": "DrillRescheduled"},
{"fields": [{"kind": "text", "max_length": 10000, "name": "reason", "required": true}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "drill", "type": "DrillCancelled"},
{"fields": [{"kind": "code", "name": "code", "prefix": "D", "required": true}, {"kind": "code", "name": "plan", "prefix": "P", "required": true}, {"kind": "date", "name": "on", "required": true}, {"kind": "count", "name": "participants", "required": false}, {"kind": "count", "name": "evacuation_seconds", "required": false}, {"kind": "text", "max_length": 10000, "name": "note", "required": false}], "key": "code", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "drill", "type": "DrillConducted"},
{"fields": [{"kind": "date", "name": "on", "required": false}, {"kind": "choice", "name": "rating", "required": true, "values": ["good", "adequate", "poor"]}, {"kind": "text", "max_length": 10000, "name": "report", "required": false}, {"kind": "codes", "name": "findings", "prefix": "F", "required": false}], "roles": ["supervisor"], "schema_version": 1, "stream_kind": "drill", "type": "DrillEvaluated"},
{"fields": [{"kind": "text", "max_length": 200, "name": "name", "required": true}, {"kind": "choice", "name": "cadence", "required": true, "values": ["weekly", "monthly", "quarterly", "holiday"]}, {"kind": "count", "name": "window_days", "required": true}, {"kind": "names", "max_length": 200, "name": "communities", "required": false}], "key": "name", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "campaign", "type": "CampaignDefined"},
{"fields": [{"kind": "code", "name": "code", "prefix": "A", "required": true}, {"kind": "text", "max_length": 200, "name": "campaign", "required": true}, {"kind": "text", "max_length": 200, "name": "community", "required": true}, {"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 10000, "name": "activity", "required": false}, {"kind": "count", "name": "leaflets", "required": false}, {"kind": "count", "name": "attendees", "required": false}], "key": "code", "roles": ["supervisor", "inspector"], "schema_version": 1, "stream_kind": "activity", "type": "ActivityLogged"},
{"fields": [{"kind": "text", "max_length": 10000, "name": "reason", "required": true}], "roles": ["supervisor", "inspector"], "schema_version": 1, "stream_kind": "activity", "type": "ActivityRetracted"},
{"fields": [{"kind": "object", "name": "notice", "required": true}, {"kind": "array", "name": "blocks", "required": true}], "key": "notice.year", "roles": ["supervisor"], "schema_version": 1, "stream_kind": "holidays", "type": "HolidayNoticeImported"},
{"fields": [{"kind": "code", "name": "code", "prefix": "I", "required": true}, {"kind": "text", "max_length": 200, "name": "unit", "required": true}, {"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 200, "name": "inspector", "required": false}, {"kind": "choice", "name": "kind", "required": false, "values": ["fire", "production", "school-surroundings", "other"]}], "key": "code", "roles": ["inspector"], "schema_version": 1, "stream_kind": "inspection", "type": "InspectionRecorded"},
{"fields": [{"kind": "code", "name": "code", "prefix": "F", "required": true}, {"kind": "code", "name": "inspection", "prefix": "I", "required": false}, {"kind": "code", "name": "drill", "prefix": "D", "required": false}, {"kind": "date", "name": "inspected_on", "required": true}, {"kind": "text", "max_length": 200, "name": "unit", "required": true}, {"kind": "text", "max_length": 10000, "name": "text", "required": true}, {"kind": "choice", "name": "severity", "required": true, "values": ["general", "major"]}, {"kind": "date", "name": "due", "required": true}, {"kind": "text", "max_length": 200, "name": "deadline", "required": true}, {"kind": "text", "max_length": 200, "name": "responsible", "required": false}], "key": "code", "roles": ["supervisor", "inspector"], "schema_version": 1, "stream_kind": "finding", "type": "FindingAdded"},
{"fields": [{"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 10000, "name": "note", "required": false}], "roles": ["inspector"], "schema_version": 1, "stream_kind": "finding", "type": "FindingRectified"},
{"fields": [{"kind": "date", "name": "on", "required": true}, {"kind": "choice", "name": "result", "required": true, "values": ["pass", "fail"]}, {"kind": "text", "max_length": 10000, "name": "note", "required": false}], "roles": ["inspector"], "schema_version": 1, "stream_kind": "finding", "type": "FindingVerified"},
{"fields": [{"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 200, "name": "authority", "required": false}], "roles": ["inspector"], "schema_version": 1, "stream_kind": "finding", "type": "MajorFindingReported"},
{"fields": [{"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 10000, "name": "plan", "required": true}, {"kind": "date", "name": "due", "required": true}], "roles": ["inspector"], "schema_version": 1, "stream_kind": "finding", "type": "RemediationPlanned"},
{"fields": [{"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 10000, "name": "note", "required": false}], "roles": ["inspector"], "schema_version": 1, "stream_kind": "finding", "type": "MajorFindingEvaluated"},
{"fields": [{"kind": "date", "name": "on", "required": true}, {"kind": "text", "max_length": 200, "name": "approved_by", "required": true}], "roles": ["inspector"], "schema_version": 1, "stream_kind": "finding", "type": "MajorFindingWrittenOff"}
]
$registry$::jsonb) AS r(type text, stream_kind text, roles jsonb, schema_version integer, key text, fields jsonb);

-- Raises VG006 (an event that does not fit its type) naming the offending part.
CREATE FUNCTION vigil.refuse_event(p_type text, p_message text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '%', p_message USING ERRCODE = 'VG006', DETAIL = coalesce(p_type, '');
END
$$;

-- True when a JSON value is a YYYY-MM-DD date of the Gregorian calendar (no subtransaction:
-- a cast inside an exception block per field would overflow the subtransaction cache).
CREATE FUNCTION vigil.is_date(p jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT jsonb_typeof(p) = 'string' AND (p #>> '{}') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
       AND substr(p #>> '{}', 1, 4)::integer BETWEEN 1900 AND 2999
       AND substr(p #>> '{}', 6, 2)::integer BETWEEN 1 AND 12
       AND substr(p #>> '{}', 9, 2)::integer BETWEEN 1
           AND extract(day FROM make_date(substr(p #>> '{}', 1, 4)::integer, substr(p #>> '{}', 6, 2)::integer, 1)
                                + interval '1 month - 1 day')::integer
$$;

-- True when a JSON value is a whole number in [p_min, 2^31 - 1].
CREATE FUNCTION vigil.is_whole(p jsonb, p_min integer) RETURNS boolean
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT jsonb_typeof(p) = 'number' AND (p #>> '{}')::numeric = trunc((p #>> '{}')::numeric)
       AND (p #>> '{}')::numeric BETWEEN p_min AND 2147483647
$$;

-- True when a payload field's value is of the field's kind. One place for every kind; a new
-- kind is added here (and in EventRegistry's FieldSpec.Kind).
CREATE FUNCTION vigil.field_fits(p_field jsonb, p_value jsonb) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE p_field->>'kind'
        WHEN 'text' THEN jsonb_typeof(p_value) = 'string'
                         AND length(p_value #>> '{}') BETWEEN 1 AND (p_field->>'max_length')::integer
        WHEN 'date' THEN vigil.is_date(p_value)
        WHEN 'count' THEN vigil.is_whole(p_value, 0)
        WHEN 'positive' THEN vigil.is_whole(p_value, 1)
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
        ELSE false
    END
$$;

-- Checks one event of an append against its type's definition and the caller's rights.
-- Refusals: VG003 the caller may not append the type; VG006 the event does not fit its type.
CREATE FUNCTION vigil.validate_event(p_stream text, p_event jsonb, p_admin boolean) RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    t        vigil.event_types;
    v_type   text;
    v_kind   text;
    v_key    text;
    v_prefix text;
    v_data   jsonb;
    v_value  jsonb;
    v_field  jsonb;
    v_name   text;
    v_ok     boolean;
BEGIN
    IF jsonb_typeof(p_event) IS DISTINCT FROM 'object' THEN
        PERFORM vigil.refuse_event(NULL, 'each event must be a JSON object');
    END IF;
    v_type := p_event->>'type';
    SELECT * INTO t FROM vigil.event_types et WHERE et.type = v_type;
    IF NOT FOUND THEN
        PERFORM vigil.refuse_event(v_type, format('unknown event type %s', coalesce(v_type, '(none)')));
    END IF;
    IF NOT (p_admin OR EXISTS (SELECT 1 FROM unnest(t.roles) AS r
                                WHERE pg_catalog.pg_has_role(session_user, vigil.role_name(r), 'MEMBER'))) THEN
        RAISE EXCEPTION 'permission denied to append %', v_type
            USING ERRCODE = 'VG003', DETAIL = v_type, HINT = array_to_string(t.roles, ', ');
    END IF;
    SELECT k INTO v_name FROM jsonb_object_keys(p_event) AS k
     WHERE k NOT IN ('event_id', 'type', 'schema_version', 'data', 'metadata') LIMIT 1;
    IF v_name IS NOT NULL THEN
        PERFORM vigil.refuse_event(v_type, format('unknown key %s in an event', v_name));
    END IF;
    IF coalesce(p_event->>'event_id', '') !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        PERFORM vigil.refuse_event(v_type, 'event_id must be a lowercase uuid');
    END IF;
    IF coalesce(p_event->'schema_version', to_jsonb(1)) IS DISTINCT FROM to_jsonb(t.schema_version) THEN
        PERFORM vigil.refuse_event(v_type, format('%s is at schema version %s, not %s', v_type, t.schema_version,
                                                 p_event->'schema_version'));
    END IF;
    IF p_event ? 'metadata' AND (jsonb_typeof(p_event->'metadata') <> 'object'
                                 OR octet_length((p_event->'metadata')::text) > 4096) THEN
        PERFORM vigil.refuse_event(v_type, 'metadata must be a JSON object of at most 4096 bytes');
    END IF;

    -- The stream: of the type's kind, with a key of the right form.
    v_kind := split_part(p_stream, ':', 1);
    v_key := substr(p_stream, length(v_kind) + 2);
    IF strpos(p_stream, ':') = 0 OR v_kind <> t.stream_kind THEN
        PERFORM vigil.refuse_event(v_type, format('a %s event belongs in a %s stream, not in %s', v_type,
                                                 t.stream_kind, p_stream));
    END IF;
    IF v_key = '' OR length(v_key) > 200 THEN
        PERFORM vigil.refuse_event(v_type, format('bad stream key in %s', p_stream));
    END IF;
    SELECT sk.code_prefix INTO v_prefix FROM vigil.stream_kinds sk WHERE sk.kind = v_kind;
    IF v_prefix IS NOT NULL THEN
        IF v_key !~ ('^' || v_prefix || '-[1-9][0-9]{0,8}$') THEN
            PERFORM vigil.refuse_event(v_type, format('%s is not a %s-n code', v_key, v_prefix));
        END IF;
        -- Codes are handed out by planner.next_code only: a code not yet allocated is forged.
        IF substr(v_key, 3)::integer > coalesce((SELECT c.last FROM planner.codes c WHERE c.kind = v_prefix), 0) THEN
            PERFORM vigil.refuse_event(v_type, format('%s was never allocated (codes come from planner.next_code)', v_key));
        END IF;
    ELSIF v_kind = 'holidays' AND v_key !~ '^[0-9]{4}$' THEN
        PERFORM vigil.refuse_event(v_type, format('%s is not a year', v_key));
    END IF;

    -- The payload: an object with exactly the type's fields, each of its kind.
    v_data := p_event->'data';
    IF jsonb_typeof(v_data) IS DISTINCT FROM 'object' THEN
        PERFORM vigil.refuse_event(v_type, 'data must be a JSON object');
    END IF;
    SELECT k INTO v_name FROM jsonb_object_keys(v_data) AS k
     WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(t.fields) AS f WHERE f->>'name' = k) LIMIT 1;
    IF v_name IS NOT NULL THEN
        PERFORM vigil.refuse_event(v_type, format('%s has no field %s', v_type, v_name));
    END IF;
    FOR v_field IN SELECT f FROM jsonb_array_elements(t.fields) AS f LOOP
        v_name := v_field->>'name';
        v_value := v_data->v_name;
        IF v_value IS NULL OR jsonb_typeof(v_value) = 'null' THEN
            IF (v_field->>'required')::boolean THEN
                PERFORM vigil.refuse_event(v_type, format('%s needs the field %s', v_type, v_name));
            END IF;
            CONTINUE;
        END IF;
        v_ok := vigil.field_fits(v_field, v_value);
        IF NOT v_ok THEN
            PERFORM vigil.refuse_event(v_type, format('%s.%s is not a valid %s: %s', v_type, v_name,
                                                     v_field->>'kind', left(v_value::text, 80)));
        END IF;
    END LOOP;

    -- The payload names the stream it is in.
    IF t.key = 'notice.year' THEN
        IF (v_data->'notice'->>'year') IS DISTINCT FROM v_key THEN
            PERFORM vigil.refuse_event(v_type, format('the notice''s year does not match %s', p_stream));
        END IF;
    ELSIF t.key IS NOT NULL AND (v_data->>t.key) IS DISTINCT FROM v_key THEN
        PERFORM vigil.refuse_event(v_type, format('%s.%s = %s does not match the stream %s', v_type, t.key,
                                                 left(coalesce(v_data->>t.key, 'null'), 80), p_stream));
    END IF;
END
$$;

-- ------------------------------------------------------------------ the hash's format

-- Which canonical form an event's hash was computed over. Format 1 is vigil.event_digest_input;
-- a later format brings its own input and number, new events use it, and verify recomputes
-- every event by its own format, so a chain written today stays verifiable.
ALTER TABLE vigil.events ADD COLUMN hash_format smallint NOT NULL DEFAULT 1 CHECK (hash_format = 1);

-- ------------------------------------------------------------------ append

-- Appends events to one stream.
--   p_expected: -1 any, -2 no stream, -3 stream exists, n >= 0 exact version (0 = no stream).
--   p_events: a jsonb array of {"event_id", "type", "schema_version", "data", "metadata"}.
-- Returns the new stream version and the positions of the events, in order.
-- SQLSTATEs: VG001 wrong expected version (DETAIL carries the actual version), VG002 event ids
-- reused with other content, VG003 the caller's roles may not append that type, VG006 an
-- event that does not fit its type's definition.
CREATE OR REPLACE FUNCTION vigil.append(p_stream text, p_expected bigint, p_events jsonb)
RETURNS TABLE (stream_version integer, positions bigint[])
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_current   integer;
    v_head      bytea;
    v_event     jsonb;
    v_row       vigil.events;
    v_positions bigint[] := '{}';
    v_now       timestamptz := clock_timestamp();
    v_context   text;
    v_admin     boolean;
    v_ids       uuid[];
    v_constraint text;
BEGIN
    IF jsonb_typeof(p_events) IS DISTINCT FROM 'array' OR jsonb_array_length(p_events) = 0 THEN
        RAISE EXCEPTION 'append needs at least one event' USING ERRCODE = '22023';
    END IF;
    IF jsonb_array_length(p_events) > 1000 THEN
        RAISE EXCEPTION 'append takes at most 1000 events at once' USING ERRCODE = '22023';
    END IF;
    IF p_stream IS NULL OR p_expected IS NULL OR p_expected < -3 THEN
        RAISE EXCEPTION 'append needs a stream and an expected version' USING ERRCODE = '22023';
    END IF;

    v_admin := vigil.has_role('admin');
    FOR v_event IN SELECT x.value FROM jsonb_array_elements(p_events) AS x LOOP
        PERFORM vigil.validate_event(p_stream, v_event, v_admin);
    END LOOP;

    -- Idempotent retry (the same event ids with the same content return the first result) is
    -- checked only where a retry shows itself: a version mismatch or a duplicate event id.
    v_ids := ARRAY(SELECT (x.value->>'event_id')::uuid FROM jsonb_array_elements(p_events) AS x);

    -- Lock the stream's head, creating it first if it is new, so writers of one stream queue
    -- here before any position is taken (a refused append consumes no position), and two
    -- writers creating the same stream meet at this row: the second waits, then sees the
    -- first's version and gets VG001, never a unique violation.
    INSERT INTO vigil.streams AS s (stream_id, version, head_hash) VALUES (p_stream, 0, '\x')
    ON CONFLICT (stream_id) DO NOTHING;
    SELECT s.version, nullif(s.head_hash, '\x'::bytea) INTO v_current, v_head
      FROM vigil.streams s WHERE s.stream_id = p_stream FOR UPDATE;

    IF (p_expected = -2 AND v_current <> 0)
       OR (p_expected = -3 AND v_current = 0)
       OR (p_expected >= 0 AND v_current <> p_expected) THEN
        IF EXISTS (SELECT 1 FROM vigil.events ev WHERE ev.event_id = ANY (v_ids)) THEN
            RETURN QUERY SELECT * FROM vigil.retried_append(p_stream, p_events, v_ids);
            RETURN;
        END IF;
        RAISE EXCEPTION 'stream % is at version %, expected %', p_stream, v_current,
            CASE p_expected WHEN -2 THEN 'no stream' WHEN -3 THEN 'an existing stream' ELSE p_expected::text END
            USING ERRCODE = 'VG001', DETAIL = v_current::text;
    END IF;

    BEGIN
        FOR v_event IN SELECT x.value FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(value, ordinality)
                         ORDER BY x.ordinality LOOP
            v_current := v_current + 1;
            v_row.position := nextval('vigil.event_position');
            v_row.transaction_id := pg_current_xact_id();
            v_row.stream_id := p_stream;
            v_row.stream_version := v_current;
            v_row.event_id := (v_event->>'event_id')::uuid;
            v_row.event_type := v_event->>'type';
            v_row.schema_version := coalesce((v_event->>'schema_version')::integer, 1);
            v_row.data := v_event->'data';
            -- The actor is the database's session user, whatever the client claimed.
            v_row.metadata := coalesce(v_event->'metadata', '{}'::jsonb)
                              || jsonb_build_object('actor', session_user::text);
            v_row.recorded_at := v_now;
            v_row.hash_format := 1;
            v_row.hash := vigil.event_hash(v_head, v_row);
            INSERT INTO vigil.events VALUES (v_row.*);
            v_head := v_row.hash;
            v_positions := v_positions || v_row.position;
            PERFORM vigil.project(v_row);
        END LOOP;
    EXCEPTION WHEN OTHERS THEN
        -- One handler for the whole append (one subtransaction): a duplicate event id is a
        -- retry; a failing projection is named, read from the error's context, with the event.
        GET STACKED DIAGNOSTICS v_context = PG_EXCEPTION_CONTEXT, v_constraint = CONSTRAINT_NAME;
        IF SQLSTATE = '23505' AND v_constraint = 'events_event_id_key' THEN
            RETURN QUERY SELECT * FROM vigil.retried_append(p_stream, p_events, v_ids);
            RETURN;
        END IF;
        IF v_context ~ 'vigil\.project_' THEN
            PERFORM vigil.projection_failed(substring(v_context FROM 'vigil\.project_([a-z0-9_]+)'), v_row, SQLERRM);
        END IF;
        RAISE;
    END;

    UPDATE vigil.streams s SET version = v_current, head_hash = v_head WHERE s.stream_id = p_stream;

    PERFORM pg_notify('vigil_events', p_stream);
    RETURN QUERY SELECT v_current, v_positions;
END
$$;

-- ------------------------------------------------------------------ rebuild

-- Empties the planner's tables with DELETE, not TRUNCATE: inside the rebuild's transaction the
-- old rows stay visible to every reader until it commits, and no ACCESS EXCLUSIVE lock is taken
-- that a writer holding a read lock on a projection table could deadlock with.
CREATE OR REPLACE FUNCTION vigil.reset_planner() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM planner.communities;
    DELETE FROM planner.units;
    DELETE FROM planner.plans;
    DELETE FROM planner.drills;
    DELETE FROM planner.campaigns;
    DELETE FROM planner.activities;
    DELETE FROM planner.holiday_notices;
    DELETE FROM planner.inspections;
    DELETE FROM planner.findings;
    DELETE FROM planner.finding_steps;
    DELETE FROM planner.codes;
END
$$;

-- Replays the whole log into one projection from empty, in the caller's transaction. Readers
-- see the old contents until it commits and are never blocked; writers queue behind it.
CREATE OR REPLACE FUNCTION vigil.rebuild(p_name text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    e vigil.events;
    v_count bigint := 0;
BEGIN
    IF NOT vigil.has_role('admin') THEN
        RAISE EXCEPTION 'only an admin may rebuild projections' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM vigil.projections p WHERE p.name = p_name) THEN
        RAISE EXCEPTION 'no projection named %', p_name USING ERRCODE = 'VG005';
    END IF;
    -- One rebuild of a projection at a time, and no appends while it replays (SHARE conflicts
    -- only with writers of the log; readers of the log and of the projections go on).
    PERFORM pg_advisory_xact_lock(hashtext('vigil.rebuild'), hashtext(p_name));
    LOCK TABLE vigil.events IN SHARE MODE;
    EXECUTE format('SELECT vigil.%I()', 'reset_' || p_name);
    -- A projection may offer a set-based replay, vigil.bulk_N(), much faster than one event at
    -- a time; when it fails, the event-by-event replay below runs instead, to name the event.
    IF to_regprocedure(format('vigil.%I()', 'bulk_' || p_name)) IS NOT NULL THEN
        BEGIN
            EXECUTE format('SELECT vigil.%I()', 'bulk_' || p_name);
            SELECT count(*) INTO v_count FROM vigil.events;
        EXCEPTION WHEN OTHERS THEN
            v_count := 0;
        END;
    END IF;
    IF v_count = 0 THEN
        EXECUTE format('SELECT vigil.%I()', 'reset_' || p_name);
        BEGIN
            FOR e IN SELECT * FROM vigil.events ORDER BY position LOOP
                PERFORM vigil.apply_projection(p_name, e);
                v_count := v_count + 1;
            END LOOP;
        EXCEPTION WHEN OTHERS THEN
            PERFORM vigil.projection_failed(p_name, e, SQLERRM);
        END;
    END IF;
    UPDATE vigil.projections p
       SET last_position = coalesce((SELECT max(ev.position) FROM vigil.events ev), 0),
           last_xid = coalesce((SELECT max(ev.transaction_id) FROM vigil.events ev), '0'),
           built_version = p.version,
           updated_at = now()
     WHERE p.name = p_name;
    RETURN v_count;
END
$$;

-- ------------------------------------------------------------------ codes

-- The next code of a kind (P, D, A, I, F), taken inside the command's transaction: a refused
-- command rolls back with it, so codes are never skipped or reused. The only way a counter
-- moves forward; an event can carry a code only once it was handed out here.
CREATE OR REPLACE FUNCTION planner.next_code(p_kind text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, planner, pg_temp
AS $$
DECLARE
    v_last integer;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('P', 'D', 'A', 'I', 'F') THEN
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

-- ------------------------------------------------------------------ users

CREATE OR REPLACE FUNCTION vigil.check_admin() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT vigil.has_role('admin') THEN
        RAISE EXCEPTION 'only an admin may manage users' USING ERRCODE = '42501';
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION vigil.group_role(p_role text) RETURNS name
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_role IS NULL OR p_role NOT IN ('admin', 'supervisor', 'inspector', 'manager') THEN
        RAISE EXCEPTION 'no role %', p_role USING ERRCODE = '22023',
            HINT = 'roles: admin, supervisor, inspector, manager';
    END IF;
    RETURN vigil.role_name(p_role);
END
$$;

-- A login name: at most 63 bytes (PostgreSQL's limit, never silently truncated); ASCII
-- letters, digits, _ . - or any non-ASCII letter, not starting with a digit, . or -. The same
-- rule on every server: no locale-dependent class.
CREATE FUNCTION vigil.check_user_name(p_name text) RETURNS void
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_name IS NULL OR octet_length(p_name) NOT BETWEEN 1 AND 63
       OR p_name !~ '^[A-Za-z_\u0080-\uffff][A-Za-z0-9_.\u0080-\uffff-]*$'
       OR p_name ~ '[\u0080-\u00a0\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff0-\uffff]' THEN
        RAISE EXCEPTION 'bad user name %', coalesce(p_name, '(none)') USING ERRCODE = '22023',
            HINT = 'at most 63 bytes: letters, digits, _ . - ; starting with a letter or _';
    END IF;
END
$$;

DROP FUNCTION vigil.user_add(text, text, text);

-- Adds a person: a new login, or an existing one given rights here (its password untouched).
-- p_password is a hash made by the client (PQencryptPasswordConn), never the clear text.
CREATE FUNCTION vigil.user_add(p_name text, p_role text, p_password text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_role pg_catalog.pg_roles;
BEGIN
    PERFORM vigil.check_admin();
    PERFORM vigil.check_user_name(p_name);
    IF p_password IS NOT NULL AND p_password !~ '^(SCRAM-SHA-256\$|md5[0-9a-f]{32}$)' THEN
        RAISE EXCEPTION 'the password must reach the server hashed' USING ERRCODE = '22023',
            HINT = 'hash it on the client (PQencryptPasswordConn); vigil user add --password-prompt does';
    END IF;
    SELECT * INTO v_role FROM pg_catalog.pg_roles r WHERE r.rolname = p_name;
    IF FOUND AND NOT v_role.rolcanlogin THEN
        RAISE EXCEPTION 'a role named % exists and is not a login', p_name USING ERRCODE = '42710';
    END IF;
    IF NOT FOUND THEN
        IF p_password IS NULL THEN
            EXECUTE format('CREATE ROLE %I LOGIN', p_name);
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_password);
        END IF;
    END IF;
    EXECUTE format('GRANT %I TO %I', vigil.group_role(p_role), p_name);
    RETURN NOT FOUND;
END
$$;

CREATE OR REPLACE FUNCTION vigil.user_grant(p_name text, p_role text, p_grant boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
BEGIN
    PERFORM vigil.check_admin();
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = p_name AND r.rolcanlogin) THEN
        RAISE EXCEPTION 'no user %', p_name USING ERRCODE = '42704';
    END IF;
    IF p_grant THEN
        IF NOT EXISTS (SELECT 1 FROM vigil.users u WHERE u.name = p_name) THEN
            RAISE EXCEPTION 'no user % in this database (user add first)', p_name USING ERRCODE = '42704';
        END IF;
        EXECUTE format('GRANT %I TO %I', vigil.group_role(p_role), p_name);
    ELSE
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                        JOIN pg_catalog.pg_roles u ON u.oid = m.member
                        WHERE u.rolname = p_name AND g.rolname = vigil.group_role(p_role)) THEN
            RAISE EXCEPTION 'user % does not have the role %', p_name, p_role USING ERRCODE = '22023';
        END IF;
        EXECUTE format('REVOKE %I FROM %I', vigil.group_role(p_role), p_name);
    END IF;
END
$$;

-- This database's users with their Vigil roles here (and superusers, who hold every right).
DROP VIEW vigil.users;
CREATE VIEW vigil.users AS
SELECT u.rolname::text AS name,
       u.rolsuper AS superuser,
       ARRAY(SELECT r FROM unnest(ARRAY['admin', 'inspector', 'manager', 'supervisor']) AS r
              WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                             WHERE m.member = u.oid
                               AND m.roleid = (SELECT g.oid FROM pg_catalog.pg_roles g WHERE g.rolname = vigil.role_name(r)))
              ORDER BY r) AS roles
  FROM pg_catalog.pg_roles u
 WHERE u.rolcanlogin
   AND (u.rolsuper OR EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                               WHERE m.member = u.oid
                                 AND g.rolname IN (vigil.role_name('admin'), vigil.role_name('supervisor'),
                                                   vigil.role_name('inspector'), vigil.role_name('manager'))));

-- ------------------------------------------------------------------ the log's horizon

-- The oldest transaction that may still add events to this database's log: the lowest
-- transaction id of a transaction running in this database (or prepared for it), else the
-- next id to be handed out. Every transaction below it that wrote here has ended, so the
-- events below it are final. Unlike pg_snapshot_xmin, a long transaction in another database
-- of the same server does not hold it back. Call it in its own statement and read the log in
-- a later one, which sees every transaction that ended before it started.
CREATE FUNCTION vigil.log_horizon() RETURNS xid8
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    WITH next AS (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::numeric AS x),
    running AS (
        SELECT a.backend_xid::text::numeric AS low FROM pg_catalog.pg_stat_activity a
         WHERE a.datname = current_database() AND a.backend_xid IS NOT NULL
        UNION ALL
        SELECT p.transaction::text::numeric FROM pg_catalog.pg_prepared_xacts p WHERE p.database = current_database()
    )
    -- A 32-bit id from the activity list, widened with the epoch of the next id.
    SELECT least(n.x, min(CASE WHEN r.low <= n.x % 4294967296 THEN n.x - n.x % 4294967296 + r.low
                               ELSE n.x - n.x % 4294967296 - 4294967296 + r.low END))::text::xid8
      FROM next n LEFT JOIN running r ON true
     GROUP BY n.x
$$;

-- ------------------------------------------------------------------ the log's guards

-- Fire whatever session_replication_role says (replica would otherwise skip them).
ALTER TABLE vigil.events ENABLE ALWAYS TRIGGER events_append_only;
ALTER TABLE vigil.events ENABLE ALWAYS TRIGGER events_no_truncate;

-- A stream's head moves only forward, and only with its events; it is never removed.
CREATE FUNCTION vigil.guard_stream() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.stream_id = OLD.stream_id AND NEW.version > OLD.version THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'stream heads only move forward with their events: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER streams_forward_only BEFORE UPDATE OR DELETE ON vigil.streams
    FOR EACH ROW EXECUTE FUNCTION vigil.guard_stream();
CREATE TRIGGER streams_no_truncate BEFORE TRUNCATE ON vigil.streams
    FOR EACH STATEMENT EXECUTE FUNCTION vigil.refuse_change();
ALTER TABLE vigil.streams ENABLE ALWAYS TRIGGER streams_forward_only;
ALTER TABLE vigil.streams ENABLE ALWAYS TRIGGER streams_no_truncate;

-- ------------------------------------------------------------------ grants

DO $$
DECLARE
    v_admin name := vigil.role_name('admin');
    v_supervisor name := vigil.role_name('supervisor');
    v_inspector name := vigil.role_name('inspector');
    v_manager name := vigil.role_name('manager');
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA vigil, planner, vigil_meta TO %I, %I, %I, %I',
                   v_admin, v_supervisor, v_inspector, v_manager);
    EXECUTE format('GRANT SELECT ON vigil.events, vigil.streams, vigil.projections, vigil.event_types, '
                   'vigil.stream_kinds, vigil.instance, vigil.users, vigil_meta.migrations TO %I, %I, %I, %I',
                   v_admin, v_supervisor, v_inspector, v_manager);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA planner TO %I, %I, %I, %I',
                   v_admin, v_supervisor, v_inspector, v_manager);
    EXECUTE format('GRANT EXECUTE ON FUNCTION vigil.session_roles(), vigil.has_role(name), vigil.role_name(text), vigil.log_horizon() '
                   'TO %I, %I, %I, %I', v_admin, v_supervisor, v_inspector, v_manager);
    EXECUTE format('GRANT EXECUTE ON FUNCTION vigil.append(text, bigint, jsonb), planner.next_code(text) TO %I, %I, %I',
                   v_admin, v_supervisor, v_inspector);
    EXECUTE format('GRANT EXECUTE ON FUNCTION vigil.rebuild(text), vigil.user_add(text, text, text), '
                   'vigil.user_grant(text, text, boolean) TO %I', v_admin);
END
$$;
