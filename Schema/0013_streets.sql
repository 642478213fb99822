-- Streets and districts (DESIGN.md, "Streets and districts" and "Decisions pinned for streets").
--
-- 1. The directory: vigil.districts and vigil.streets, national and readable by everyone.
--    Street 0 keeps national records (holiday notices). Street 1 is the office the database
--    kept before streets: unnamed until the first `street add`, which names it and so takes
--    its records over. A database with no named street behaves as one street, as before.
-- 2. The street is the first column of every key: the log (street, position), the stream heads
--    and every planner table. A street's positions come from its own counter,
--    vigil.streets.last_position, taken under the street's row lock held until commit: a
--    street's log commits in position order and no database-wide sequence is left.
-- 3. Hash format 2 covers the street as well; events of format 1 keep verifying as they were.
-- 4. Rights scoped by street: vigil.user_scopes; row-level security on every table a user can
--    read; the append and the code allocator check the street they write.
-- 5. The session's street: the setting vigil.street (a street number), else the only street.
--    Reports read it through the views of the schema `here`, one per planner table.

-- ------------------------------------------------------------------ the directory

CREATE TABLE vigil.districts (
    district    integer PRIMARY KEY CHECK (district >= 1),
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    -- 统计用区划代码, the national administrative-division code: 6 digits for a district.
    code        text UNIQUE CHECK (code ~ '^[0-9]{6}$'),
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    recorded_by text NOT NULL DEFAULT session_user
);

CREATE TABLE vigil.streets (
    street        integer PRIMARY KEY CHECK (street >= 0),
    name          text UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    district      integer REFERENCES vigil.districts,
    -- 9 digits for a street (the district's 6 and 3 more), or the 12-digit form.
    code          text UNIQUE CHECK (code ~ '^[0-9]{9}([0-9]{3})?$'),
    -- The street's counter: the position of its last event.
    last_position bigint NOT NULL DEFAULT 0,
    recorded_at   timestamptz,
    recorded_by   text,
    CHECK ((name IS NULL) = (district IS NULL)),
    CHECK (street > 0 OR name IS NULL)
);

-- A user's scope: one street, or every street of one district (managers only). A user with no
-- row here belongs to street 1, the office as it was before streets.
CREATE TABLE vigil.user_scopes (
    name     text PRIMARY KEY,
    street   integer REFERENCES vigil.streets,
    district integer REFERENCES vigil.districts,
    CHECK ((street IS NULL) <> (district IS NULL))
);

-- Which stream kinds hold national records, kept in street 0.
ALTER TABLE vigil.stream_kinds ADD COLUMN national boolean NOT NULL DEFAULT false;
UPDATE vigil.stream_kinds SET national = true WHERE kind = 'holidays';

-- ------------------------------------------------------------------ the log

-- The existing log moves into street 1, its national streams into street 0. Format-1 hashes
-- do not cover the street, so every chain and every seal written before stays valid.
ALTER TABLE vigil.events DISABLE TRIGGER events_append_only;
ALTER TABLE vigil.streams DISABLE TRIGGER streams_forward_only;
ALTER TABLE vigil.events ADD COLUMN street integer NOT NULL DEFAULT 1;
ALTER TABLE vigil.streams ADD COLUMN street integer NOT NULL DEFAULT 1;
UPDATE vigil.events SET street = 0
 WHERE split_part(stream_id, ':', 1) IN (SELECT k.kind FROM vigil.stream_kinds k WHERE k.national);
UPDATE vigil.streams SET street = 0
 WHERE split_part(stream_id, ':', 1) IN (SELECT k.kind FROM vigil.stream_kinds k WHERE k.national);
ALTER TABLE vigil.events ALTER COLUMN street DROP DEFAULT;
ALTER TABLE vigil.streams ALTER COLUMN street DROP DEFAULT;
ALTER TABLE vigil.events ENABLE ALWAYS TRIGGER events_append_only;
ALTER TABLE vigil.streams ENABLE ALWAYS TRIGGER streams_forward_only;

ALTER TABLE vigil.events
    DROP CONSTRAINT events_pkey,
    DROP CONSTRAINT events_event_id_key,
    DROP CONSTRAINT events_stream_id_stream_version_key,
    ADD PRIMARY KEY (street, position),
    ADD CONSTRAINT events_event_id_key UNIQUE (street, event_id),
    ADD CONSTRAINT events_stream_version_key UNIQUE (street, stream_id, stream_version);
ALTER TABLE vigil.streams
    DROP CONSTRAINT streams_pkey,
    ADD PRIMARY KEY (street, stream_id);
-- A reader merging streets pages by (transaction id, street, position) below the horizon.
DROP INDEX vigil.events_transaction_position;
CREATE INDEX events_transaction_street_position ON vigil.events (transaction_id, street, position);

INSERT INTO vigil.streets (street, last_position)
SELECT s, coalesce((SELECT max(e.position) FROM vigil.events e WHERE e.street = s), 0)
  FROM (VALUES (0), (1)) AS v(s);
ALTER TABLE vigil.events ADD CONSTRAINT events_street_fkey FOREIGN KEY (street) REFERENCES vigil.streets;
DROP SEQUENCE vigil.event_position;

-- Format 2: format 1's fields with the street first.
ALTER TABLE vigil.events DROP CONSTRAINT events_hash_format_check,
    ADD CONSTRAINT events_hash_format_check CHECK (hash_format IN (1, 2));

CREATE OR REPLACE FUNCTION vigil.event_hash(previous bytea, e vigil.events) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT sha256(coalesce(previous, '\x'::bytea) || CASE e.hash_format
        WHEN 1 THEN vigil.event_digest_input(
            e.position, e.transaction_id, e.stream_id, e.stream_version, e.event_id, e.event_type,
            e.schema_version, e.data, e.metadata, e.recorded_at)
        WHEN 2 THEN convert_to(jsonb_build_array(
            e.street, e.position, e.transaction_id::text, e.stream_id, e.stream_version, e.event_id::text,
            e.event_type, e.schema_version, e.data, e.metadata,
            to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'UTF8')
        END)
$$;

-- A stream's head moves only forward, with its events, in its own street.
CREATE OR REPLACE FUNCTION vigil.guard_stream() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.street = OLD.street AND NEW.stream_id = OLD.stream_id
       AND NEW.version > OLD.version THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'stream heads only move forward with their events: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = '42501';
END
$$;

-- Photos are linked to events by street and position.
ALTER TABLE vigil.event_attachments ADD COLUMN street integer NOT NULL DEFAULT 1;
ALTER TABLE vigil.event_attachments ALTER COLUMN street DROP DEFAULT;
ALTER TABLE vigil.event_attachments DROP CONSTRAINT event_attachments_pkey,
    ADD PRIMARY KEY (street, sha256, position);
DROP INDEX vigil.event_attachments_position;
CREATE INDEX event_attachments_position ON vigil.event_attachments (street, position);

CREATE OR REPLACE FUNCTION vigil.index_attachments() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO vigil.event_attachments (street, sha256, position)
    SELECT DISTINCT NEW.street, p->>'sha256', NEW.position FROM jsonb_array_elements(NEW.data->'photos') AS p;
    RETURN NULL;
END
$$;

-- ------------------------------------------------------------------ the planner's tables

-- Every planner table gets the street as the first column of its key (the projection is
-- rebuilt after this migration, filling it from the log).
DO $$
DECLARE
    t record;
    v_columns text;
BEGIN
    FOR t IN
        SELECT c.oid, c.relname, k.conname, k.conkey
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p'
         WHERE c.relnamespace = 'planner'::regnamespace AND c.relkind = 'r'
    LOOP
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY x.n) INTO v_columns
          FROM unnest(t.conkey) WITH ORDINALITY AS x(attnum, n)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.attnum;
        EXECUTE format('ALTER TABLE planner.%I ADD COLUMN street integer NOT NULL DEFAULT 1', t.relname);
        EXECUTE format('ALTER TABLE planner.%I ALTER COLUMN street DROP DEFAULT', t.relname);
        EXECUTE format('ALTER TABLE planner.%I DROP CONSTRAINT %I, ADD PRIMARY KEY (street, %s)',
                       t.relname, t.conname, v_columns);
    END LOOP;
END
$$;
UPDATE planner.holiday_notices SET street = 0;

DROP INDEX planner.activities_campaign_community_date;
CREATE INDEX activities_campaign_community_date ON planner.activities (street, campaign, community, on_date);
DROP INDEX planner.drills_plan_conducted;
CREATE INDEX drills_plan_conducted ON planner.drills (street, plan, conducted_on);
DROP INDEX planner.plans_unit;
CREATE INDEX plans_unit ON planner.plans (street, unit);
DROP INDEX planner.expenses_on_date;
CREATE INDEX expenses_on_date ON planner.expenses (street, on_date);

-- ------------------------------------------------------------------ the session's street

-- The street the session works in: the setting vigil.street, else the only street there is,
-- else the user's own street; NULL when there are several and none is chosen.
CREATE FUNCTION vigil.current_street() RETURNS integer
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(nullif(current_setting('vigil.street', true), '')::integer,
                    (SELECT min(s.street) FROM vigil.streets s WHERE s.street > 0 HAVING count(*) = 1),
                    (SELECT u.street FROM vigil.user_scopes u WHERE u.name = session_user::text))
$$;

-- The street a stream's events belong to: 0 for a national stream kind, else the session's.
CREATE FUNCTION vigil.stream_street(p_stream text) RETURNS integer
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN EXISTS (SELECT 1 FROM vigil.stream_kinds k
                              WHERE k.kind = split_part(p_stream, ':', 1) AND k.national)
                THEN 0 ELSE vigil.current_street() END
$$;

-- A street's number from its name (for `SET vigil.street` in psql).
CREATE FUNCTION vigil.street_id(p_name text) RETURNS integer
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.street FROM vigil.streets s WHERE s.name = p_name
$$;

-- True once a street has been named: the database keeps a directory of streets.
CREATE FUNCTION vigil.has_streets() RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM vigil.streets s WHERE s.name IS NOT NULL)
$$;

-- The streets whose records the session's user may read: every one for an admin; else the
-- user's street, or every street of the user's district; and the national records.
CREATE FUNCTION vigil.readable_streets() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN vigil.has_role('admin') THEN ARRAY(SELECT s.street FROM vigil.streets s ORDER BY 1)
           ELSE ARRAY(SELECT s.street FROM vigil.streets s
                        LEFT JOIN vigil.user_scopes u ON u.name = session_user::text
                       WHERE s.street = 0
                          OR (u.name IS NULL AND s.street = 1)
                          OR s.street = u.street OR s.district = u.district
                       ORDER BY 1)
           END
$$;

-- The streets whose records the session's user may write: every one for an admin; else the
-- user's own street (a district's scope writes none). National records are an admin's, except
-- in a database that never named a street, where they are written as before.
CREATE FUNCTION vigil.writable_streets() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN vigil.has_role('admin') THEN ARRAY(SELECT s.street FROM vigil.streets s ORDER BY 1)
           ELSE ARRAY(SELECT s.street FROM vigil.streets s
                        LEFT JOIN vigil.user_scopes u ON u.name = session_user::text
                       WHERE (u.name IS NULL AND s.street = 1) OR s.street = u.street
                          OR (s.street = 0 AND NOT vigil.has_streets())
                       ORDER BY 1)
           END
$$;

-- Refuses (VG007) a write when no street is chosen, naming the streets; else returns the street
-- and refuses (42501) a user who may not write it.
CREATE FUNCTION vigil.street_to_write(p_street integer) RETURNS integer
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_street IS NULL THEN
        RAISE EXCEPTION 'choose a street: this database keeps the records of %',
            (SELECT string_agg(s.name, ', ' ORDER BY s.name) FROM vigil.streets s WHERE s.name IS NOT NULL)
            USING ERRCODE = 'VG007', HINT = 'SET vigil.street = vigil.street_id(NAME); in the shell: set street NAME';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM vigil.streets s WHERE s.street = p_street) THEN
        RAISE EXCEPTION 'no street numbered %', p_street USING ERRCODE = 'VG007';
    END IF;
    IF NOT (p_street = ANY (vigil.writable_streets())) THEN
        RAISE EXCEPTION 'permission denied to write the records of %',
            coalesce((SELECT s.name FROM vigil.streets s WHERE s.street = p_street),
                     CASE p_street WHEN 0 THEN 'the nation (holiday notices: an admin''s)' ELSE 'street ' || p_street END)
            USING ERRCODE = '42501',
                  HINT = coalesce((SELECT 'your street is ' || s.name FROM vigil.user_scopes u
                                     JOIN vigil.streets s ON s.street = u.street WHERE u.name = session_user::text),
                                  'ask an admin');
    END IF;
    RETURN p_street;
END
$$;

-- ------------------------------------------------------------------ appending in a street

-- Migration 0004's check, with codes counted in the stream's street.
CREATE OR REPLACE FUNCTION vigil.validate_event(p_stream text, p_event jsonb, p_admin boolean) RETURNS void
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
        IF substr(v_key, 3)::integer > coalesce((SELECT c.last FROM planner.codes c
                                      WHERE c.street = vigil.stream_street(p_stream) AND c.kind = v_prefix), 0) THEN
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


DROP FUNCTION vigil.retried_append(text, jsonb, uuid[]);
CREATE FUNCTION vigil.retried_append(p_street integer, p_stream text, p_events jsonb, p_ids uuid[])
RETURNS TABLE (stream_version integer, positions bigint[])
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_existing integer;
    v_matching integer;
BEGIN
    SELECT count(*), count(*) FILTER (
               WHERE ev.stream_id = p_stream AND ev.event_type = x.value->>'type' AND ev.data = x.value->'data')
      INTO v_existing, v_matching
      FROM jsonb_array_elements(p_events) AS x
      JOIN vigil.events ev ON ev.street = p_street AND ev.event_id = (x.value->>'event_id')::uuid
     WHERE ev.event_id = ANY (p_ids);
    IF v_existing = jsonb_array_length(p_events) AND v_matching = v_existing THEN
        RETURN QUERY
            SELECT max(ev.stream_version), array_agg(ev.position ORDER BY ev.position)
              FROM vigil.events ev WHERE ev.street = p_street AND ev.event_id = ANY (p_ids);
        RETURN;
    END IF;
    RAISE EXCEPTION 'event ids already used with other content' USING ERRCODE = 'VG002', DETAIL = p_stream;
END
$$;

-- Appends events to one stream of the session's street (a national stream: street 0).
--   p_expected: -1 any, -2 no stream, -3 stream exists, n >= 0 exact version (0 = no stream).
--   p_events: a jsonb array of {"event_id", "type", "schema_version", "data", "metadata"}.
-- Returns the new stream version and the positions of the events in their street, in order.
-- SQLSTATEs: VG001 wrong expected version (DETAIL carries the actual version), VG002 event ids
-- reused with other content, VG003 the caller may not append that type, 42501 nor write that street,
-- VG006 an event that does not fit its type's definition, VG007 no street chosen.
CREATE OR REPLACE FUNCTION vigil.append(p_stream text, p_expected bigint, p_events jsonb)
RETURNS TABLE (stream_version integer, positions bigint[])
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_street    integer;
    v_last      bigint;
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

    v_street := vigil.street_to_write(vigil.stream_street(p_stream));
    v_admin := vigil.has_role('admin');
    FOR v_event IN SELECT x.value FROM jsonb_array_elements(p_events) AS x LOOP
        PERFORM vigil.validate_event(p_stream, v_event, v_admin);
    END LOOP;

    v_ids := ARRAY(SELECT (x.value->>'event_id')::uuid FROM jsonb_array_elements(p_events) AS x);

    -- The street's row lock, held until commit, first: a street's writers queue here, so its
    -- positions are taken and committed in order. A refused append consumes none.
    SELECT s.last_position INTO v_last FROM vigil.streets s WHERE s.street = v_street FOR UPDATE;

    INSERT INTO vigil.streams AS s (street, stream_id, version, head_hash) VALUES (v_street, p_stream, 0, '\x')
    ON CONFLICT (street, stream_id) DO NOTHING;
    SELECT s.version, nullif(s.head_hash, '\x'::bytea) INTO v_current, v_head
      FROM vigil.streams s WHERE s.street = v_street AND s.stream_id = p_stream FOR UPDATE;

    IF (p_expected = -2 AND v_current <> 0)
       OR (p_expected = -3 AND v_current = 0)
       OR (p_expected >= 0 AND v_current <> p_expected) THEN
        IF EXISTS (SELECT 1 FROM vigil.events ev WHERE ev.street = v_street AND ev.event_id = ANY (v_ids)) THEN
            RETURN QUERY SELECT * FROM vigil.retried_append(v_street, p_stream, p_events, v_ids);
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
            v_last := v_last + 1;
            v_row.street := v_street;
            v_row.position := v_last;
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
            v_row.hash_format := 2;
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
            RETURN QUERY SELECT * FROM vigil.retried_append(v_street, p_stream, p_events, v_ids);
            RETURN;
        END IF;
        IF v_context ~ 'vigil\.project_' THEN
            PERFORM vigil.projection_failed(substring(v_context FROM 'vigil\.project_([a-z0-9_]+)'), v_row, SQLERRM);
        END IF;
        RAISE;
    END;

    UPDATE vigil.streams s SET version = v_current, head_hash = v_head
     WHERE s.street = v_street AND s.stream_id = p_stream;
    UPDATE vigil.streets s SET last_position = v_last WHERE s.street = v_street;

    PERFORM pg_notify('vigil_events', p_stream);
    RETURN QUERY SELECT v_current, v_positions;
END
$$;

-- Replays the whole log into one projection from empty, street by street, in the caller's
-- transaction. Readers see the old contents until it commits; writers queue behind it.
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
    PERFORM pg_advisory_xact_lock(hashtext('vigil.rebuild'), hashtext(p_name));
    LOCK TABLE vigil.events IN SHARE MODE;
    EXECUTE format('SELECT vigil.%I()', 'reset_' || p_name);
    BEGIN
        FOR e IN SELECT * FROM vigil.events ORDER BY street, position LOOP
            PERFORM vigil.apply_projection(p_name, e);
            v_count := v_count + 1;
        END LOOP;
    EXCEPTION WHEN OTHERS THEN
        PERFORM vigil.projection_failed(p_name, e, SQLERRM);
    END;
    UPDATE vigil.projections p
       SET last_position = coalesce((SELECT max(ev.position) FROM vigil.events ev), 0),
           last_xid = coalesce((SELECT max(ev.transaction_id) FROM vigil.events ev), '0'),
           built_version = p.version,
           updated_at = now()
     WHERE p.name = p_name;
    RETURN v_count;
END
$$;

-- The next code of a kind in the session's street, inside the command's transaction.
CREATE OR REPLACE FUNCTION planner.next_code(p_kind text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, planner, pg_temp
AS $$
DECLARE
    v_street integer;
    v_last integer;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('P', 'D', 'A', 'I', 'F', 'E') THEN
        RAISE EXCEPTION 'no code kind %', p_kind USING ERRCODE = '22023';
    END IF;
    v_street := vigil.street_to_write(vigil.current_street());
    INSERT INTO planner.codes AS c (street, kind, last) VALUES (v_street, p_kind, 1)
    ON CONFLICT (street, kind) DO UPDATE SET last = c.last + 1
    RETURNING c.last INTO v_last;
    IF v_last > 999999999 THEN
        RAISE EXCEPTION 'the % codes are used up', p_kind USING ERRCODE = '22003';
    END IF;
    RETURN p_kind || '-' || v_last;
END
$$;

-- ------------------------------------------------------------------ directory and scopes

-- A name for a street or district: 1 to 200 characters, no control characters.
CREATE FUNCTION vigil.check_place_name(p_what text, p_name text) RETURNS void
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_name IS NULL OR length(p_name) NOT BETWEEN 1 AND 200 OR p_name ~ '[\x01-\x1f\x7f]'
       OR p_name <> btrim(p_name) THEN
        RAISE EXCEPTION 'bad % name %', p_what, coalesce(p_name, '(none)') USING ERRCODE = '22023',
            HINT = '1 to 200 characters, no control characters, no spaces at either end';
    END IF;
END
$$;

-- Adds a street office to the directory, with its district (added too when new); returns the
-- street's number. The first street named takes over the records the database already keeps.
CREATE FUNCTION vigil.street_add(p_name text, p_district text, p_code text, p_district_code text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_district vigil.districts;
    v_street integer;
BEGIN
    IF NOT vigil.has_role('admin') THEN
        RAISE EXCEPTION 'only an admin may add streets' USING ERRCODE = '42501';
    END IF;
    PERFORM vigil.check_place_name('street', p_name);
    PERFORM vigil.check_place_name('district', p_district);
    -- One directory change at a time.
    LOCK TABLE vigil.districts IN SHARE ROW EXCLUSIVE MODE;
    IF EXISTS (SELECT 1 FROM vigil.streets s WHERE s.name = p_name) THEN
        RAISE EXCEPTION 'street % already exists', p_name USING ERRCODE = '23505';
    END IF;
    IF p_code IS NOT NULL AND p_code !~ '^[0-9]{9}([0-9]{3})?$' THEN
        RAISE EXCEPTION 'bad street code %', p_code USING ERRCODE = '22023',
            HINT = 'a street''s 统计用区划代码 has 9 digits (or 12)';
    END IF;
    IF p_district_code IS NOT NULL AND p_district_code !~ '^[0-9]{6}$' THEN
        RAISE EXCEPTION 'bad district code %', p_district_code USING ERRCODE = '22023',
            HINT = 'a district''s 统计用区划代码 has 6 digits';
    END IF;
    SELECT * INTO v_district FROM vigil.districts d WHERE d.name = p_district;
    IF NOT FOUND THEN
        INSERT INTO vigil.districts (district, name, code)
        VALUES ((SELECT coalesce(max(d.district), 0) + 1 FROM vigil.districts d), p_district, p_district_code)
        RETURNING * INTO v_district;
    ELSIF p_district_code IS NOT NULL AND v_district.code IS DISTINCT FROM p_district_code THEN
        RAISE EXCEPTION 'district % has the code %, not %', p_district, coalesce(v_district.code, '(none)'),
            p_district_code USING ERRCODE = '22023';
    END IF;
    IF p_code IS NOT NULL AND v_district.code IS NOT NULL AND left(p_code, 6) <> v_district.code THEN
        RAISE EXCEPTION 'street code % is not in district % (%)', p_code, p_district, v_district.code
            USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM vigil.streets s WHERE s.code = p_code) THEN
        RAISE EXCEPTION 'street code % is already used', p_code USING ERRCODE = '23505';
    END IF;
    UPDATE vigil.streets s SET name = p_name, district = v_district.district, code = p_code,
           recorded_at = clock_timestamp(), recorded_by = session_user
     WHERE s.street = 1 AND s.name IS NULL
    RETURNING s.street INTO v_street;
    IF v_street IS NULL THEN
        INSERT INTO vigil.streets (street, name, district, code, recorded_at, recorded_by)
        VALUES ((SELECT max(s.street) + 1 FROM vigil.streets s), p_name, v_district.district, p_code,
                clock_timestamp(), session_user)
        RETURNING street INTO v_street;
    END IF;
    RETURN v_street;
END
$$;

-- Sets a user's scope here: a street, or (for a manager) a district.
CREATE FUNCTION vigil.user_scope(p_name text, p_street text, p_district text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_street integer;
    v_district integer;
BEGIN
    PERFORM vigil.check_admin();
    IF NOT EXISTS (SELECT 1 FROM vigil.users u WHERE u.name = p_name) THEN
        RAISE EXCEPTION 'no user % in this database', p_name USING ERRCODE = '42704';
    END IF;
    IF (p_street IS NULL) = (p_district IS NULL) THEN
        RAISE EXCEPTION 'a user''s scope is one street or one district' USING ERRCODE = '22023';
    END IF;
    IF p_street IS NOT NULL THEN
        v_street := vigil.street_id(p_street);
        IF v_street IS NULL THEN
            RAISE EXCEPTION 'no street %', p_street USING ERRCODE = '42704';
        END IF;
    ELSE
        SELECT d.district INTO v_district FROM vigil.districts d WHERE d.name = p_district;
        IF v_district IS NULL THEN
            RAISE EXCEPTION 'no district %', p_district USING ERRCODE = '42704';
        END IF;
        IF EXISTS (SELECT 1 FROM vigil.users u WHERE u.name = p_name
                      AND u.roles && ARRAY['admin', 'supervisor', 'inspector']) THEN
            RAISE EXCEPTION 'user % writes records: a district''s scope is for managers', p_name
                USING ERRCODE = '22023', HINT = 'give a supervisor or inspector one street';
        END IF;
    END IF;
    INSERT INTO vigil.user_scopes AS u (name, street, district) VALUES (p_name, v_street, v_district)
    ON CONFLICT (name) DO UPDATE SET street = excluded.street, district = excluded.district;
END
$$;

-- ------------------------------------------------------------------ row-level security

-- A user reads the rows of the streets vigil.readable_streets() gives, through psql as through
-- the shell. The owner (the migrations, the SECURITY DEFINER functions) is not restricted.
DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN
        SELECT c.oid::regclass FROM pg_catalog.pg_class c
         WHERE (c.relnamespace = 'planner'::regnamespace AND c.relkind = 'r')
            OR c.oid IN ('vigil.events'::regclass, 'vigil.streams'::regclass, 'vigil.event_attachments'::regclass)
    LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY street_readers ON %s FOR SELECT '
                       'USING (street = ANY ((SELECT vigil.readable_streets())::integer[]))', t);
    END LOOP;
END
$$;

-- A photo's bytes are readable with the records that carry it.
ALTER TABLE vigil.attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY street_readers ON vigil.attachments FOR SELECT
    USING (EXISTS (SELECT 1 FROM vigil.event_attachments a WHERE a.sha256 = attachments.sha256));
ALTER TABLE vigil.attachment_chunks ENABLE ROW LEVEL SECURITY;
CREATE POLICY street_readers ON vigil.attachment_chunks FOR SELECT
    USING (EXISTS (SELECT 1 FROM vigil.event_attachments a WHERE a.sha256 = attachment_chunks.sha256));

-- ------------------------------------------------------------------ the session's street's tables

-- One view per planner table: its rows in the session's street (holiday notices: the national
-- ones). Reports read these; row-level security still applies beneath them.
CREATE SCHEMA here;
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.relname FROM pg_catalog.pg_class c
              WHERE c.relnamespace = 'planner'::regnamespace AND c.relkind = 'r' ORDER BY 1 LOOP
        EXECUTE format('CREATE VIEW here.%I WITH (security_invoker = true) AS SELECT * FROM planner.%I '
                       'WHERE street = %s', t.relname, t.relname,
                       CASE t.relname WHEN 'holiday_notices' THEN '0' ELSE '(SELECT vigil.current_street())' END);
    END LOOP;
END
$$;

-- ------------------------------------------------------------------ grants

REVOKE ALL ON FUNCTION vigil.street_add(text, text, text, text), vigil.user_scope(text, text, text),
    vigil.readable_streets(), vigil.writable_streets(), vigil.street_to_write(integer),
    vigil.current_street(), vigil.stream_street(text), vigil.street_id(text), vigil.has_streets(),
    vigil.check_place_name(text, text), vigil.retried_append(integer, text, jsonb, uuid[])
    FROM PUBLIC;
DO $$
DECLARE
    v_everyone text := format('%I, %I, %I, %I', vigil.role_name('admin'), vigil.role_name('supervisor'),
                              vigil.role_name('inspector'), vigil.role_name('manager'));
BEGIN
    EXECUTE 'GRANT SELECT ON vigil.streets, vigil.districts, vigil.user_scopes TO ' || v_everyone;
    EXECUTE 'GRANT USAGE ON SCHEMA here TO ' || v_everyone;
    EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA here TO ' || v_everyone;
    EXECUTE 'GRANT EXECUTE ON FUNCTION vigil.readable_streets(), vigil.writable_streets(), vigil.current_street(), '
            'vigil.stream_street(text), vigil.street_id(text), vigil.has_streets() TO ' || v_everyone;
    EXECUTE format('GRANT EXECUTE ON FUNCTION vigil.street_add(text, text, text, text), '
                   'vigil.user_scope(text, text, text) TO %I', vigil.role_name('admin'));
END
$$;
