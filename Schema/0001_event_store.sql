-- The event store: one append-only log, hash-chained per stream, written only through
-- vigil.append(), which stamps the actor and the time and checks the writer's role.

CREATE SCHEMA IF NOT EXISTS vigil;

-- Roles are cluster-wide: several Vigil databases may share a server, so create them once.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['vigil_admin', 'vigil_supervisor', 'vigil_inspector', 'vigil_manager'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            -- Another database on the server may be migrating at the same moment.
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

CREATE SEQUENCE vigil.event_position AS bigint;

CREATE TABLE vigil.events (
    position        bigint      PRIMARY KEY,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    stream_id       text        NOT NULL,
    stream_version  integer     NOT NULL CHECK (stream_version >= 1),
    event_id        uuid        NOT NULL UNIQUE,
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL DEFAULT 1,
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL,
    recorded_at     timestamptz NOT NULL,
    hash            bytea       NOT NULL,
    UNIQUE (stream_id, stream_version)
);

-- Global readers page by (transaction_id, position) below the transaction horizon.
CREATE INDEX events_transaction_position ON vigil.events (transaction_id, position);

-- One row per stream: the lock writers of a stream queue on, and its head.
CREATE TABLE vigil.streams (
    stream_id   text    PRIMARY KEY,
    version     integer NOT NULL,
    head_hash   bytea   NOT NULL
);

-- Which roles may append which event types; vigil_admin (and superusers) may append any.
CREATE TABLE vigil.event_permissions (
    event_type  text NOT NULL,
    role        name NOT NULL,
    PRIMARY KEY (event_type, role)
);

-- Projections: name, version and checkpoint, written in the transaction of their own writes.
CREATE TABLE vigil.projections (
    name            text        PRIMARY KEY,
    version         integer     NOT NULL,
    last_position   bigint      NOT NULL DEFAULT 0,
    last_xid        xid8        NOT NULL DEFAULT '0',
    -- The version the tables were last rebuilt for; vigil migrate rebuilds when it differs.
    built_version   integer,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- The bytes an event's hash covers: every stored field, in a fixed canonical form (jsonb's
-- text form is canonical; the time is written in UTC with microseconds).
CREATE FUNCTION vigil.event_digest_input(
    p_position bigint, p_xid xid8, p_stream text, p_version integer, p_event_id uuid,
    p_type text, p_schema_version integer, p_data jsonb, p_metadata jsonb, p_recorded_at timestamptz
) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT convert_to(jsonb_build_array(
        p_position, p_xid::text, p_stream, p_version, p_event_id::text, p_type, p_schema_version,
        p_data, p_metadata,
        to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    )::text, 'UTF8')
$$;

CREATE FUNCTION vigil.event_hash(previous bytea, e vigil.events) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT sha256(coalesce(previous, '\x'::bytea) || vigil.event_digest_input(
        e.position, e.transaction_id, e.stream_id, e.stream_version, e.event_id, e.event_type,
        e.schema_version, e.data, e.metadata, e.recorded_at))
$$;

-- True when the session's user may act as the given Vigil role (superusers count as admin).
CREATE FUNCTION vigil.has_role(p_role name) RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
        OR pg_has_role(session_user, 'vigil_admin', 'MEMBER')
        OR pg_has_role(session_user, p_role, 'MEMBER')
$$;

-- Projections are registered in vigil.projections by the domain's migrations. Each one named N
-- has two functions: vigil.project_N(vigil.events) applies one event and vigil.reset_N() empties
-- its tables. vigil.project() runs every registered projection on an appended event in the
-- append's own transaction (exactly once, and readers see every committed command); a failure
-- stops the append with a message naming the projection and the event.
CREATE FUNCTION vigil.apply_projection(p_name text, e vigil.events) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('SELECT vigil.%I($1)', 'project_' || p_name) USING e;
END
$$;

-- Re-raises a projection's failure naming the projection and the event. Callers catch once
-- around a whole loop, not per event: a subtransaction per event would overflow PostgreSQL's
-- subtransaction cache in long replays and slow every later visibility check.
CREATE FUNCTION vigil.projection_failed(p_name text, e vigil.events, p_message text) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'projection % failed on event % (% #% of %): %',
        p_name, e.position, e.event_type, e.stream_version, e.stream_id, p_message
        USING ERRCODE = 'VG004';
END
$$;

-- vigil.project(e) calls every registered projection's function. It is generated by
-- vigil.register_projection with a static call per projection, because a dynamic EXECUTE per
-- event would be planned afresh on every append. No checkpoint row is touched per event: that
-- would make every writer queue on one row. An inline projection is as far as the log by
-- construction (same transaction); its checkpoint is written when it is rebuilt.
CREATE FUNCTION vigil.project(e vigil.events) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
END
$$;

CREATE FUNCTION vigil.register_projection(p_name text, p_version integer) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    v_body text;
BEGIN
    IF p_name !~ '^[a-z][a-z0-9_]*$' THEN
        RAISE EXCEPTION 'bad projection name %', p_name USING ERRCODE = '22023';
    END IF;
    INSERT INTO vigil.projections (name, version) VALUES (p_name, p_version)
    ON CONFLICT (name) DO UPDATE SET version = excluded.version;
    SELECT string_agg(format('    PERFORM vigil.%I(e);', 'project_' || name), E'\n' ORDER BY name)
      INTO v_body FROM vigil.projections;
    EXECUTE format('CREATE OR REPLACE FUNCTION vigil.project(e vigil.events) RETURNS void LANGUAGE plpgsql AS %L',
                   E'BEGIN\n' || v_body || E'\nEND');
END
$$;

-- Replays the whole log into one projection from empty, in the caller's transaction, so the
-- old contents stay visible to readers until the new ones commit. Writers wait meanwhile.
CREATE FUNCTION vigil.rebuild(p_name text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    e vigil.events;
    v_count bigint := 0;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM vigil.projections WHERE name = p_name) THEN
        RAISE EXCEPTION 'no projection named %', p_name USING ERRCODE = 'VG005';
    END IF;
    -- One rebuild of a projection at a time, and no appends while it replays.
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
    UPDATE vigil.projections
       SET last_position = coalesce((SELECT max(position) FROM vigil.events), 0),
           last_xid = coalesce((SELECT max(transaction_id) FROM vigil.events), '0'),
           built_version = version,
           updated_at = now()
     WHERE name = p_name;
    RETURN v_count;
END
$$;

-- The result of an append retried with the same event ids: the original stream version and
-- positions when every event is already in the log with the same content, else VG002.
CREATE FUNCTION vigil.retried_append(p_stream text, p_events jsonb, p_ids uuid[])
RETURNS TABLE (stream_version integer, positions bigint[])
LANGUAGE plpgsql
AS $$
DECLARE
    v_existing integer;
    v_matching integer;
BEGIN
    SELECT count(*), count(*) FILTER (
               WHERE ev.stream_id = p_stream AND ev.event_type = x.value->>'type' AND ev.data = x.value->'data')
      INTO v_existing, v_matching
      FROM jsonb_array_elements(p_events) AS x
      JOIN vigil.events ev ON ev.event_id = (x.value->>'event_id')::uuid
     WHERE ev.event_id = ANY (p_ids);
    IF v_existing = jsonb_array_length(p_events) AND v_matching = v_existing THEN
        RETURN QUERY
            SELECT max(ev.stream_version), array_agg(ev.position ORDER BY ev.position)
              FROM vigil.events ev WHERE ev.event_id = ANY (p_ids);
        RETURN;
    END IF;
    RAISE EXCEPTION 'event ids already used with other content' USING ERRCODE = 'VG002', DETAIL = p_stream;
END
$$;

-- Appends events to one stream.
--   p_expected: -1 any, -2 no stream, -3 stream exists, n >= 0 exact version (0 = no stream).
--   p_events: a jsonb array of {"event_id", "type", "schema_version", "data", "metadata"}.
-- Returns the new stream version and the positions of the events, in order.
-- SQLSTATEs: VG001 wrong expected version (DETAIL carries the actual version), VG002 event ids
-- reused with other content, VG003 the caller's roles may not append that type.
CREATE FUNCTION vigil.append(p_stream text, p_expected bigint, p_events jsonb)
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
    v_type      text;
    v_context   text;
    v_admin     boolean;
    v_ids       uuid[];
    v_constraint text;
BEGIN
    IF jsonb_typeof(p_events) <> 'array' OR jsonb_array_length(p_events) = 0 THEN
        RAISE EXCEPTION 'append needs at least one event' USING ERRCODE = '22023';
    END IF;

    -- Idempotent retry (the same event ids with the same content return the first result) is
    -- checked only where a retry shows itself: a version mismatch or a duplicate event id.
    -- The ordinary append pays nothing for it.
    v_ids := ARRAY(SELECT (x.value->>'event_id')::uuid FROM jsonb_array_elements(p_events) AS x);

    v_admin := vigil.has_role('vigil_admin');
    FOR v_type IN SELECT DISTINCT x.value->>'type' FROM jsonb_array_elements(p_events) AS x LOOP
        IF NOT (v_admin OR EXISTS (
                SELECT 1 FROM vigil.event_permissions p
                 WHERE p.event_type = v_type AND pg_has_role(session_user, p.role, 'MEMBER'))) THEN
            RAISE EXCEPTION 'permission denied to append %', v_type
                USING ERRCODE = 'VG003', DETAIL = v_type,
                      HINT = coalesce((SELECT string_agg(p.role, ', ' ORDER BY p.role)
                                         FROM vigil.event_permissions p WHERE p.event_type = v_type), 'vigil_admin');
        END IF;
    END LOOP;

    -- Lock the stream's head (creating it if new) so writers of one stream queue here,
    -- before any position is taken: a refused append consumes no position.
    SELECT s.version, s.head_hash INTO v_current, v_head
      FROM vigil.streams s WHERE s.stream_id = p_stream FOR UPDATE;
    IF NOT FOUND THEN
        v_current := 0;
        v_head := NULL;
    END IF;

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
            v_row.data := coalesce(v_event->'data', '{}'::jsonb);
            -- The actor is the database's session user, whatever the client claimed.
            v_row.metadata := coalesce(v_event->'metadata', '{}'::jsonb)
                              || jsonb_build_object('actor', session_user::text);
            v_row.recorded_at := v_now;
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

    INSERT INTO vigil.streams AS s (stream_id, version, head_hash)
    VALUES (p_stream, v_current, v_head)
    ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, head_hash = excluded.head_hash;

    PERFORM pg_notify('vigil_events', p_stream);
    RETURN QUERY SELECT v_current, v_positions;
END
$$;

-- The log is append-only: the database itself refuses to change or remove an event.
CREATE FUNCTION vigil.refuse_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = '42501';
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON vigil.events
    FOR EACH ROW EXECUTE FUNCTION vigil.refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON vigil.events
    FOR EACH STATEMENT EXECUTE FUNCTION vigil.refuse_change();

-- Nobody writes the store directly; every write goes through vigil.append().
REVOKE ALL ON ALL TABLES IN SCHEMA vigil FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA vigil FROM PUBLIC;
REVOKE ALL ON FUNCTION vigil.append(text, bigint, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION vigil.rebuild(text) FROM PUBLIC;
GRANT USAGE ON SCHEMA vigil TO vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
GRANT SELECT ON vigil.events, vigil.streams, vigil.projections, vigil.event_permissions
    TO vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
GRANT EXECUTE ON FUNCTION vigil.append(text, bigint, jsonb)
    TO vigil_admin, vigil_supervisor, vigil_inspector;
GRANT EXECUTE ON FUNCTION vigil.rebuild(text) TO vigil_admin;
GRANT USAGE ON SCHEMA vigil_meta TO vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
GRANT SELECT ON vigil_meta.migrations TO vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
