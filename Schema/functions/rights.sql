-- Who the session is and where it works: the small functions every append and report asks.
--
-- This file is a definition, not a migration (see log.sql): the migrator applies it again
-- whenever its text changes. The functions were first written in migrations 0004 and 0013 as
-- SQL functions; each is kept here with the same name, arguments and meaning, in PL/pgSQL.
-- Why: a SQL function that sets search_path cannot be inlined, and PostgreSQL plans its query
-- again at every call, while PL/pgSQL keeps its plans for the session. Planning these alone
-- took about half a millisecond of every append (pg_stat_statements with track_planning).

-- The name of this database's group role for a Vigil role; NULL for another word.
CREATE OR REPLACE FUNCTION vigil.role_name(p_role text) RETURNS name
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_role IN ('admin', 'supervisor', 'inspector', 'manager') THEN
        RETURN (SELECT ('vigil_' || i.id || '_' || p_role)::name FROM vigil.instance i);
    END IF;
    RETURN NULL;
END
$$;

-- True when the session's user holds the Vigil role here (superusers and admins hold every one).
CREATE OR REPLACE FUNCTION vigil.has_role(p_role name) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_admin name := vigil.role_name('admin');
    v_role name := vigil.role_name(p_role);
BEGIN
    RETURN coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user), false)
        OR pg_catalog.pg_has_role(session_user, v_admin, 'MEMBER')
        OR (v_role IS NOT NULL AND pg_catalog.pg_has_role(session_user, v_role, 'MEMBER'));
END
$$;

-- True when a JSON value is a YYYY-MM-DD date of the Gregorian calendar (no subtransaction:
-- a cast inside an exception block per field would overflow the subtransaction cache).
CREATE OR REPLACE FUNCTION vigil.is_date(p jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v text := p #>> '{}';
BEGIN
    IF jsonb_typeof(p) IS DISTINCT FROM 'string' OR v !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        RETURN false;
    END IF;
    RETURN substr(v, 1, 4)::integer BETWEEN 1900 AND 2999
       AND substr(v, 6, 2)::integer BETWEEN 1 AND 12
       AND substr(v, 9, 2)::integer BETWEEN 1
           AND extract(day FROM make_date(substr(v, 1, 4)::integer, substr(v, 6, 2)::integer, 1)
                                + interval '1 month - 1 day')::integer;
END
$$;

-- True when a JSON value is a whole number in [p_min, 2^31 - 1].
CREATE OR REPLACE FUNCTION vigil.is_whole(p jsonb, p_min integer) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF jsonb_typeof(p) IS DISTINCT FROM 'number' THEN
        RETURN false;
    END IF;
    RETURN (p #>> '{}')::numeric = trunc((p #>> '{}')::numeric)
       AND (p #>> '{}')::numeric BETWEEN p_min AND 2147483647;
END
$$;

-- The street the session works in: the setting vigil.street, else the only street there is,
-- else the user's own street; NULL when there are several and none is chosen. Never 0: the
-- national records are written only to national streams (vigil.stream_street).
CREATE OR REPLACE FUNCTION vigil.current_street() RETURNS integer
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_street integer := nullif(nullif(current_setting('vigil.street', true), '')::integer, 0);
BEGIN
    RETURN coalesce(v_street,
                    (SELECT min(s.street) FROM vigil.streets s WHERE s.street > 0 HAVING count(*) = 1),
                    (SELECT u.street FROM vigil.user_scopes u WHERE u.name = session_user::text));
END
$$;

-- The street a stream's events belong to: 0 for a national stream kind, else the session's.
CREATE OR REPLACE FUNCTION vigil.stream_street(p_stream text) RETURNS integer
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM vigil.stream_kinds k WHERE k.kind = split_part(p_stream, ':', 1) AND k.national) THEN
        RETURN 0;
    END IF;
    RETURN vigil.current_street();
END
$$;

-- True once a street has been named: the database keeps a directory of streets.
CREATE OR REPLACE FUNCTION vigil.has_streets() RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM vigil.streets s WHERE s.name IS NOT NULL);
END
$$;

-- The role whose members read a street (migration 0013 says why rights are roles).
CREATE OR REPLACE FUNCTION vigil.street_role(p_street integer) RETURNS name
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT ('vigil_' || i.id || '_street_' || p_street)::name FROM vigil.instance i);
END
$$;

-- The streets whose records the session's user may write: every one for an admin; else the
-- user's own street (a district's scope writes none). A user without a scope works in street 1
-- while the database names no street, and in none once it does. The national records, street
-- 0, are an admin's to write, except in a database that never named a street.
CREATE OR REPLACE FUNCTION vigil.writable_streets() RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF vigil.has_role('admin') THEN
        RETURN ARRAY(SELECT s.street FROM vigil.streets s ORDER BY 1);
    END IF;
    RETURN ARRAY(SELECT s.street FROM vigil.streets s
                   LEFT JOIN vigil.user_scopes u ON u.name = session_user::text
                  WHERE s.street = u.street
                     OR (s.street IN (0, 1) AND u.name IS NULL AND NOT vigil.has_streets())
                  ORDER BY 1);
END
$$;

-- Refuses (VG007) a write when no street is chosen, naming the streets; else returns the street
-- and refuses (42501) a user who may not write it. An admin writes every street: asked first,
-- it spares every append the list of a province's streets.
CREATE OR REPLACE FUNCTION vigil.street_to_write(p_street integer) RETURNS integer
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
    IF NOT (vigil.has_role('admin') OR p_street = ANY (vigil.writable_streets())) THEN
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

-- The streets whose records the session's user may read: the national records (street 0) and
-- every street whose role the user is a member of, the rule row-level security applies. An
-- admin's group is a member of every street's role (a superuser is of every role), so an admin
-- reads every street without asking the catalog once a street.
CREATE OR REPLACE FUNCTION vigil.readable_streets() RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    -- vigil.street_role's name, built once here rather than by a function call per street.
    v_prefix text := (SELECT 'vigil_' || i.id || '_street_' FROM vigil.instance i);
BEGIN
    IF vigil.has_role('admin') THEN
        RETURN ARRAY(SELECT s.street FROM vigil.streets s ORDER BY 1);
    END IF;
    RETURN ARRAY(SELECT s.street FROM vigil.streets s
                  WHERE s.street = 0 OR pg_catalog.pg_has_role(session_user, (v_prefix || s.street)::name, 'MEMBER')
                  ORDER BY 1);
END
$$;
