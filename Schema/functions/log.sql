-- The append path: how an event enters the log, street by street (docs/event-store.md).
--
-- This file is a definition, not a migration: the migrator applies it again whenever its text
-- changes, so these functions are edited here, in place, instead of being copied into each
-- migration that changes them. Tables, columns and grants to tables stay in the migrations.
--
-- Refusals: VG001 wrong expected version (DETAIL carries the actual version), VG002 event ids
-- reused with other content, VG003 the caller's roles may not append that type, VG006 an event
-- that does not fit its type's definition, VG007 no street chosen, 42501 a street the caller
-- may not write (vigil.street_to_write, migration 0013).

-- ------------------------------------------------------------------ checking an event

-- Whether a value fits a field of an event type's definition (migration 0010's, whose photos
-- were looked up here: a street's are looked up by vigil.validate_event, which knows the street).
-- PL/pgSQL, so that its plan is kept for the session (rights.sql says why).
CREATE OR REPLACE FUNCTION vigil.field_fits(p_field jsonb, p_value jsonb) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN CASE p_field->>'kind'
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
        -- Each photo names a file by its SHA-256, with a name, a type and a size (that the
        -- street keeps those bytes, vigil.validate_event checks: a field is checked alone).
        WHEN 'attachments' THEN jsonb_typeof(p_value) = 'array' AND jsonb_array_length(p_value) BETWEEN 1 AND 20
                                AND NOT EXISTS (
                                    SELECT 1 FROM jsonb_array_elements(p_value) AS x
                                     WHERE jsonb_typeof(x) <> 'object'
                                        OR EXISTS (SELECT 1 FROM jsonb_object_keys(x) AS k
                                                    WHERE k NOT IN ('sha256', 'name', 'type', 'size'))
                                        OR coalesce(x->>'sha256', '') !~ '^[0-9a-f]{64}$'
                                        OR jsonb_typeof(x->'name') IS DISTINCT FROM 'string'
                                        OR length(x->>'name') NOT BETWEEN 1 AND 200)
        ELSE false
    END;
END
$$;

-- Checks one event of an append against its type's definition and the caller's rights; a code
-- in the stream id must have been handed out in the stream's street.
DROP FUNCTION IF EXISTS vigil.validate_event(text, jsonb, boolean);
CREATE OR REPLACE FUNCTION vigil.validate_event(p_street integer, p_stream text, p_event jsonb, p_admin boolean)
RETURNS void
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
    v_token  text;
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
                                      WHERE c.street = p_street AND c.kind = v_prefix), 0) THEN
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
    -- Photos: bytes the street keeps, of the stored type and size, and carried already by the
    -- street's records or uploaded by this transaction (vigil.attachment_proofs). The refusal is
    -- the one a missing file gets. (One table a query: on Citus each is asked of the street's
    -- shard.)
    IF jsonb_typeof(v_data->'photos') = 'array' THEN
        v_token := vigil.transaction_token();
        FOR v_value IN SELECT x FROM jsonb_array_elements(v_data->'photos') AS x LOOP
            v_ok := jsonb_typeof(v_value) = 'object'
                AND EXISTS (SELECT 1 FROM vigil.attachments a
                             WHERE a.street = p_street AND a.sha256 = v_value->>'sha256'
                               AND to_jsonb(a.content_type) = v_value->'type' AND to_jsonb(a.size) = v_value->'size')
                AND (EXISTS (SELECT 1 FROM vigil.attachment_proofs p
                              WHERE p.street = p_street AND p.transaction_token = v_token AND p.sha256 = v_value->>'sha256')
                     OR EXISTS (SELECT 1 FROM vigil.event_attachments a
                                 WHERE a.street = p_street AND a.sha256 = v_value->>'sha256'));
            IF NOT v_ok THEN
                PERFORM vigil.refuse_event(v_type, format('%s.%s is not a valid %s: %s', v_type, 'photos',
                                                         'attachments', left((v_data->'photos')::text, 80)));
            END IF;
        END LOOP;
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

-- ------------------------------------------------------------------ appending

-- The result of an append retried with the same event ids: the original stream version and
-- positions when every event is already in the street's log with the same content, else VG002.
DROP FUNCTION IF EXISTS vigil.retried_append(text, jsonb, uuid[]);
CREATE OR REPLACE FUNCTION vigil.retried_append(p_street integer, p_stream text, p_events jsonb, p_ids uuid[])
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

-- Appends events to one stream of a street (a national stream's: street 0).
--   p_street: the street; on Citus the call is delegated by it to the worker holding the
--             street, so an append is one round trip to one node.
--   p_expected: -1 any, -2 no stream, -3 stream exists, n >= 0 exact version (0 = no stream).
--   p_events: a jsonb array of {"event_id", "type", "schema_version", "data", "metadata"}.
-- Returns the new stream version and the positions of the events in their street, in order.
CREATE OR REPLACE FUNCTION vigil.append_to(p_street integer, p_stream text, p_expected bigint, p_events jsonb)
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
    v_value     text;
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

    -- A national stream is written in street 0 only, and only a national stream is.
    IF (p_street = 0) IS DISTINCT FROM EXISTS (SELECT 1 FROM vigil.stream_kinds k
                                                WHERE k.kind = split_part(p_stream, ':', 1) AND k.national)
       AND p_street IS NOT NULL THEN
        RAISE EXCEPTION 'stream % is not kept in %', p_stream,
            CASE p_street WHEN 0 THEN 'the national records' ELSE 'a street' END USING ERRCODE = '22023';
    END IF;
    v_street := vigil.street_to_write(p_street);
    v_admin := vigil.has_role('admin');
    FOR v_event IN SELECT x.value FROM jsonb_array_elements(p_events) AS x LOOP
        PERFORM vigil.validate_event(v_street, p_stream, v_event, v_admin);
    END LOOP;

    v_ids := ARRAY(SELECT (x.value->>'event_id')::uuid FROM jsonb_array_elements(p_events) AS x);

    -- The street's row lock, held until commit, first: a street's writers queue here, so its
    -- positions are taken and committed in order. A refused append consumes none.
    SELECT l.last_position INTO v_last FROM vigil.street_logs l WHERE l.street = v_street FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO vigil.street_logs (street) VALUES (v_street) ON CONFLICT (street) DO NOTHING;
        SELECT l.last_position INTO v_last FROM vigil.street_logs l WHERE l.street = v_street FOR UPDATE;
    END IF;

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
            -- Column by column: on Citus the street must be a value the delegated call can match.
            INSERT INTO vigil.events (street, position, transaction_id, stream_id, stream_version, event_id,
                                      event_type, schema_version, data, metadata, recorded_at, hash, hash_format)
            VALUES (v_street, v_row.position, v_row.transaction_id, v_row.stream_id, v_row.stream_version,
                    v_row.event_id, v_row.event_type, v_row.schema_version, v_row.data, v_row.metadata,
                    v_row.recorded_at, v_row.hash, v_row.hash_format);
            -- The photos it carries, so that their bytes are readable with it (one row a photo,
            -- each naming its street as a value: on Citus the insert stays on the street's worker).
            IF v_row.data ? 'photos' THEN
                FOR v_value IN SELECT DISTINCT p->>'sha256' FROM jsonb_array_elements(v_row.data->'photos') AS p LOOP
                    INSERT INTO vigil.event_attachments (street, sha256, position)
                    VALUES (v_street, v_value, v_row.position);
                END LOOP;
            END IF;
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
    UPDATE vigil.street_logs l SET last_position = v_last WHERE l.street = v_street;

    -- Listeners only wake and re-read.
    PERFORM vigil.announce(v_street);
    RETURN QUERY SELECT v_current, v_positions;
END
$$;

-- Appends events to one stream of the session's street (a national stream: street 0).
-- The street is found first, so that on Citus the call goes to its worker as a value; the shell
-- appends through this function too.
CREATE OR REPLACE FUNCTION vigil.append(p_stream text, p_expected bigint, p_events jsonb)
RETURNS TABLE (stream_version integer, positions bigint[])
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_street integer := vigil.stream_street(p_stream);
BEGIN
    RETURN QUERY SELECT * FROM vigil.append_to(v_street, p_stream, p_expected, p_events);
END
$$;

-- ------------------------------------------------------------------ replaying and codes

-- Replays the whole log into one projection from empty, street by street, in the caller's
-- transaction. Readers see the old contents until it commits; writers queue behind it.
--
-- The replay is one statement that calls the projection's function for each event in log order,
-- so that its statements are planned once for the whole replay (a dynamic EXECUTE per event
-- planned each of them again for every event). When that statement fails, the replay runs again
-- an event at a time, to name the event it fails on. On Citus the coordinator replays an event
-- at a time: there a function called in a query of the log would run on the shards, where a
-- projection may not write.
--
-- Every row of the projection's tables was replaced: the tables this transaction wrote (its own
-- statistics say which) are analyzed before it commits, so that the first reports after a rebuild
-- are not planned for the tables as they were before it (ANALYZE counts the transaction's own
-- rows). On Citus, autovacuum on the workers sees to it.
CREATE OR REPLACE FUNCTION vigil.rebuild(p_name text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    e vigil.events;
    v_count bigint := 0;
    v_citus boolean := EXISTS (SELECT 1 FROM pg_catalog.pg_extension x WHERE x.extname = 'citus');
    v_one_statement boolean := NOT v_citus;
    v_schema name;
    v_table name;
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
    IF v_one_statement THEN
        BEGIN
            EXECUTE format('SELECT count(*) FROM (SELECT vigil.%I(e) FROM vigil.events e ORDER BY e.street, e.position) r',
                           'project_' || p_name)
               INTO v_count;
        EXCEPTION WHEN OTHERS THEN
            v_one_statement := false;
        END;
    END IF;
    IF NOT v_one_statement THEN
        v_count := 0;
        BEGIN
            FOR e IN SELECT * FROM vigil.events ORDER BY street, position LOOP
                PERFORM vigil.apply_projection(p_name, e);
                v_count := v_count + 1;
            END LOOP;
        EXCEPTION WHEN OTHERS THEN
            PERFORM vigil.projection_failed(p_name, e, SQLERRM);
        END;
    END IF;
    IF NOT v_citus THEN
        FOR v_schema, v_table IN SELECT t.schemaname, t.relname FROM pg_catalog.pg_stat_xact_user_tables t
                                  WHERE t.n_tup_ins + t.n_tup_upd + t.n_tup_del > 0
                                    AND t.schemaname NOT LIKE 'pg\_temp\_%' ORDER BY 1, 2 LOOP
            EXECUTE format('ANALYZE %I.%I', v_schema, v_table);
        END LOOP;
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

-- The next code of a kind in a street, inside the command's transaction. On Citus the call is
-- delegated by its street, like vigil.append_to: the code and the append that uses it then
-- reach the street's worker over one connection, as the same user.
CREATE OR REPLACE FUNCTION planner.next_code_in(p_street integer, p_kind text) RETURNS text
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
    IF p_street = 0 THEN
        RAISE EXCEPTION 'the national records have no codes' USING ERRCODE = '22023';
    END IF;
    v_street := vigil.street_to_write(p_street);
    INSERT INTO planner.codes AS c (street, kind, last) VALUES (v_street, p_kind, 1)
    ON CONFLICT (street, kind) DO UPDATE SET last = c.last + 1
    RETURNING c.last INTO v_last;
    IF v_last > 999999999 THEN
        RAISE EXCEPTION 'the % codes are used up', p_kind USING ERRCODE = '22003';
    END IF;
    RETURN p_kind || '-' || v_last;
END
$$;

-- The next code of a kind in the session's street.
CREATE OR REPLACE FUNCTION planner.next_code(p_kind text) RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_street integer := vigil.current_street();
    v_code text;
BEGIN
    -- A query, not an expression: Citus delegates a call it plans, as it does the append's.
    SELECT c INTO v_code FROM planner.next_code_in(v_street, p_kind) AS c;
    RETURN v_code;
END
$$;

REVOKE ALL ON FUNCTION vigil.validate_event(integer, text, jsonb, boolean),
    vigil.retried_append(integer, text, jsonb, uuid[]), vigil.append_to(integer, text, bigint, jsonb),
    planner.next_code_in(integer, text) FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION vigil.append_to(integer, text, bigint, jsonb), '
                   'planner.next_code_in(integer, text) TO %I, %I, %I',
                   vigil.role_name('admin'), vigil.role_name('supervisor'), vigil.role_name('inspector'));
END
$$;
