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

-- A unit's community as the log stood at p_at, in its own street (migration 0011's, which
-- compared units of the same name across streets).
DROP FUNCTION planner.community_at(text, text, timestamptz, timestamptz);
CREATE FUNCTION planner.community_at(p_street integer, p_unit text, p_current text, p_moved timestamptz,
                                     p_at timestamptz)
RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN p_at IS NULL OR p_moved IS NULL OR p_moved <= p_at THEN p_current
                ELSE (SELECT c.community FROM planner.unit_communities c
                       WHERE c.street = p_street AND c.unit = p_unit AND c.recorded_at <= p_at
                       ORDER BY c.position DESC LIMIT 1) END
$$;

-- Photos are stored once by their SHA-256, whichever street sent them. An event may carry a
-- photo its street's records already carry, or one whose bytes its own transaction uploaded
-- (vigil.attachment_finish records that here): knowing another street's digest is not enough.
CREATE TABLE vigil.attachment_proofs (
    transaction_id xid8 NOT NULL,
    sha256         text NOT NULL,
    PRIMARY KEY (transaction_id, sha256)
);

-- ------------------------------------------------------------------ the session's street

-- The street the session works in: the setting vigil.street, else the only street there is,
-- else the user's own street; NULL when there are several and none is chosen. Never 0: the
-- national records are written only to national streams (vigil.stream_street).
CREATE FUNCTION vigil.current_street() RETURNS integer
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(nullif(nullif(current_setting('vigil.street', true), '')::integer, 0),
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

-- ------------------------------------------------------------------ who reads and writes a street

-- Who reads a street is a membership of the street's role, so that row-level security asks only
-- the catalog (`pg_has_role`): Citus evaluates a policy on the worker holding the row, where it
-- may read no table (../shared/citus/README.md). A district's role is a member of its streets'
-- roles, and this database's admin group of every street's. The roles are named from the id
-- in vigil.instance, as the group roles are, so another database's streets are not these.
CREATE FUNCTION vigil.street_role(p_street integer) RETURNS name
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT ('vigil_' || i.id || '_street_' || p_street)::name FROM vigil.instance i
$$;

CREATE FUNCTION vigil.district_role(p_district integer) RETURNS name
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT ('vigil_' || i.id || '_district_' || p_district)::name FROM vigil.instance i
$$;

-- Creates a role of this database's (a restored copy may find it already made).
CREATE FUNCTION vigil.ensure_role(p_role name) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = p_role) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', p_role);
    END IF;
END
$$;

-- Streets 0 and 1 exist from the start. Until a street is named, everyone here reads street 1,
-- the office as it was: its role is granted to the four groups (vigil.street_add hands it to
-- the people of the time instead when the first street is named).
DO $$
BEGIN
    PERFORM vigil.ensure_role(vigil.street_role(0));
    PERFORM vigil.ensure_role(vigil.street_role(1));
    EXECUTE format('GRANT %I TO %I, %I, %I, %I', vigil.street_role(1), vigil.role_name('admin'),
                   vigil.role_name('supervisor'), vigil.role_name('inspector'), vigil.role_name('manager'));
END
$$;

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

-- The streets whose records the session's user may read: the national records (street 0) and
-- every street whose role the user is a member of, the rule row-level security applies (below).
CREATE FUNCTION vigil.readable_streets() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT ARRAY(SELECT s.street FROM vigil.streets s
                  WHERE s.street = 0 OR pg_catalog.pg_has_role(session_user, vigil.street_role(s.street), 'MEMBER')
                  ORDER BY 1)
$$;

-- The streets whose records the session's user may write: every one for an admin; else the
-- user's own street (a district's scope writes none). A user without a scope works in street 1
-- while the database names no street, and in none once it does (naming the first street gives
-- the users of the time their scope: vigil.street_add). The national records, street 0, are an
-- admin's to write, except in a database that never named a street, where they are written as
-- before.
CREATE FUNCTION vigil.writable_streets() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN vigil.has_role('admin') THEN ARRAY(SELECT s.street FROM vigil.streets s ORDER BY 1)
           ELSE ARRAY(SELECT s.street FROM vigil.streets s
                        LEFT JOIN vigil.user_scopes u ON u.name = session_user::text
                       WHERE s.street = u.street
                          OR (s.street IN (0, 1) AND u.name IS NULL AND NOT vigil.has_streets())
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

-- The append path (vigil.validate_event, vigil.retried_append, vigil.append, vigil.rebuild,
-- planner.next_code) now works street by street; it is defined in Schema/functions/log.sql,
-- applied after the migrations.

-- ------------------------------------------------------------------ directory and scopes

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
    v_user text;
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
        PERFORM vigil.ensure_role(vigil.district_role(v_district.district));
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
    IF v_street = 1 THEN
        -- The first street takes over the office's people with its records: street 1 becomes
        -- theirs, no longer every group's.
        FOR v_user IN
            INSERT INTO vigil.user_scopes (name, street)
            SELECT u.name, 1 FROM vigil.users u WHERE NOT u.superuser AND NOT ('admin' = ANY (u.roles))
            ON CONFLICT (name) DO NOTHING
            RETURNING name
        LOOP
            EXECUTE format('GRANT %I TO %I', vigil.street_role(1), v_user);
        END LOOP;
        EXECUTE format('REVOKE %I FROM %I, %I, %I', vigil.street_role(1), vigil.role_name('supervisor'),
                       vigil.role_name('inspector'), vigil.role_name('manager'));
    ELSE
        INSERT INTO vigil.streets (street, name, district, code, recorded_at, recorded_by)
        VALUES ((SELECT max(s.street) + 1 FROM vigil.streets s), p_name, v_district.district, p_code,
                clock_timestamp(), session_user)
        RETURNING street INTO v_street;
        PERFORM vigil.ensure_role(vigil.street_role(v_street));
        EXECUTE format('GRANT %I TO %I', vigil.street_role(v_street), vigil.role_name('admin'));
    END IF;
    EXECUTE format('GRANT %I TO %I', vigil.street_role(v_street), vigil.district_role(v_district.district));
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
    v_old vigil.user_scopes;
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
    -- The scope's role replaces the one held before (the table keeps what the shell lists and
    -- the append checks; the role is what row-level security asks).
    SELECT * INTO v_old FROM vigil.user_scopes u WHERE u.name = p_name;
    IF FOUND THEN
        EXECUTE format('REVOKE %I FROM %I', coalesce(vigil.street_role(v_old.street), vigil.district_role(v_old.district)),
                       p_name);
    END IF;
    EXECUTE format('GRANT %I TO %I', coalesce(vigil.street_role(v_street), vigil.district_role(v_district)), p_name);
    INSERT INTO vigil.user_scopes AS u (name, street, district) VALUES (p_name, v_street, v_district)
    ON CONFLICT (name) DO UPDATE SET street = excluded.street, district = excluded.district;
END
$$;

-- ------------------------------------------------------------------ row-level security

-- A user reads the national records (street 0) and the rows of the streets whose roles they are
-- a member of (the rule vigil.readable_streets() lists), through psql as through the shell. The policy asks only the catalog. The owner (the migrations, the SECURITY DEFINER
-- functions) is not restricted.
DO $$
DECLARE
    t regclass;
    v_prefix text := 'vigil_' || (SELECT i.id FROM vigil.instance i) || '_street_';
BEGIN
    FOR t IN
        SELECT c.oid::regclass FROM pg_catalog.pg_class c
         WHERE (c.relnamespace = 'planner'::regnamespace AND c.relkind = 'r')
            OR c.oid IN ('vigil.events'::regclass, 'vigil.streams'::regclass, 'vigil.event_attachments'::regclass)
    LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY street_readers ON %s FOR SELECT '
                       'USING (street = 0 OR pg_catalog.pg_has_role(session_user, %L || street::text, %L))',
                       t, v_prefix, 'MEMBER');
    END LOOP;
END
$$;

-- A user reads the scopes within their own: their street's people, or their district's.
ALTER TABLE vigil.user_scopes ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable_scopes ON vigil.user_scopes FOR SELECT
    USING (name = session_user::text
           OR street = ANY ((SELECT vigil.readable_streets())::integer[])
           OR district IN (SELECT s.district FROM vigil.streets s
                            WHERE s.street = ANY ((SELECT vigil.readable_streets())::integer[])));

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

REVOKE ALL ON FUNCTION vigil.street_role(integer), vigil.district_role(integer), vigil.ensure_role(name) FROM PUBLIC;
REVOKE ALL ON FUNCTION vigil.street_add(text, text, text, text), vigil.user_scope(text, text, text),
    vigil.readable_streets(), vigil.writable_streets(), vigil.street_to_write(integer),
    vigil.current_street(), vigil.stream_street(text), vigil.street_id(text), vigil.has_streets(),
    vigil.check_place_name(text, text)
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
