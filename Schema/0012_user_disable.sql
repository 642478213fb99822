-- Leavers (docs/threat-model.md): `user disable NAME` ends a login's rights in this database
-- without touching its records. The login loses this database's four group roles, and with
-- them CONNECT (granted only to those roles, 0004), every table and every function; its events
-- keep its name as their actor. The disabling is kept here, so `user list` still shows the
-- login, marked disabled, and `user add` is the one way back.

CREATE TABLE vigil.disabled_users (
    name        text PRIMARY KEY,
    disabled_at timestamptz NOT NULL,
    disabled_by text NOT NULL
);

-- Takes every Vigil role here from a login. Refused for oneself (an admin cannot lock the
-- office out by mistake) and for a superuser (who holds every right whatever its roles: take
-- SUPERUSER away first).
CREATE FUNCTION vigil.user_disable(p_name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_role pg_catalog.pg_roles;
    r text;
BEGIN
    PERFORM vigil.check_admin();
    SELECT * INTO v_role FROM pg_catalog.pg_roles u WHERE u.rolname = p_name AND u.rolcanlogin;
    IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM vigil.users u WHERE u.name = p_name) THEN
        RAISE EXCEPTION 'no user % in this database', p_name USING ERRCODE = '42704';
    END IF;
    IF EXISTS (SELECT 1 FROM vigil.disabled_users d WHERE d.name = p_name) THEN
        RAISE EXCEPTION 'user % is already disabled', p_name USING ERRCODE = '22023';
    END IF;
    IF p_name = session_user::text THEN
        RAISE EXCEPTION 'you cannot disable yourself' USING ERRCODE = '42501',
            HINT = 'another admin can';
    END IF;
    IF v_role.rolsuper THEN
        RAISE EXCEPTION 'user % is a PostgreSQL superuser and holds every right here', p_name
            USING ERRCODE = '42501', HINT = 'the server''s owner must take SUPERUSER away (ALTER ROLE ... NOSUPERUSER)';
    END IF;
    FOREACH r IN ARRAY ARRAY['admin', 'supervisor', 'inspector', 'manager'] LOOP
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                    WHERE m.member = v_role.oid
                      AND m.roleid = (SELECT g.oid FROM pg_catalog.pg_roles g WHERE g.rolname = vigil.role_name(r))) THEN
            EXECUTE format('REVOKE %I FROM %I', vigil.role_name(r), p_name);
        END IF;
    END LOOP;
    -- A membership granted by another role (PostgreSQL 16 records the grantor) survives a
    -- plain REVOKE with only a warning; a leaver must not keep a right while listed disabled.
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                WHERE m.member = v_role.oid
                  AND g.rolname IN (vigil.role_name('admin'), vigil.role_name('supervisor'),
                                    vigil.role_name('inspector'), vigil.role_name('manager'))) THEN
        RAISE EXCEPTION 'could not take every role here from %: a grant made by another role remains', p_name
            USING ERRCODE = '42501', HINT = 'the role that granted it (or a superuser) must revoke it';
    END IF;
    INSERT INTO vigil.disabled_users VALUES (p_name, clock_timestamp(), session_user);
END
$$;

-- `user add` for a disabled login gives it the role again and ends the disabling (a person who
-- comes back); everything else as in 0004.
CREATE OR REPLACE FUNCTION vigil.user_add(p_name text, p_role text, p_password text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_role pg_catalog.pg_roles;
    v_created boolean;
BEGIN
    PERFORM vigil.check_admin();
    PERFORM vigil.check_user_name(p_name);
    IF p_password IS NOT NULL AND p_password !~ '^(SCRAM-SHA-256\$|md5[0-9a-f]{32}$)' THEN
        RAISE EXCEPTION 'the password must reach the server hashed' USING ERRCODE = '22023',
            HINT = 'hash it on the client (PQencryptPasswordConn); vigil user add --password-prompt does';
    END IF;
    SELECT * INTO v_role FROM pg_catalog.pg_roles r WHERE r.rolname = p_name;
    v_created := NOT FOUND;
    IF NOT v_created AND NOT v_role.rolcanlogin THEN
        RAISE EXCEPTION 'a role named % exists and is not a login', p_name USING ERRCODE = '42710';
    END IF;
    IF v_created THEN
        IF p_password IS NULL THEN
            EXECUTE format('CREATE ROLE %I LOGIN', p_name);
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_password);
        END IF;
    END IF;
    EXECUTE format('GRANT %I TO %I', vigil.group_role(p_role), p_name);
    DELETE FROM vigil.disabled_users d WHERE d.name = p_name;
    RETURN v_created;
END
$$;

-- `user grant` to a disabled login is refused, naming `user add`: giving a leaver rights back
-- is a decision of its own, not a side effect of granting one more role.
CREATE OR REPLACE FUNCTION vigil.user_grant(p_name text, p_role text, p_grant boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
BEGIN
    PERFORM vigil.check_admin();
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = p_name AND r.rolcanlogin) THEN
        RAISE EXCEPTION 'no user %', p_name USING ERRCODE = '42704';
    END IF;
    IF EXISTS (SELECT 1 FROM vigil.disabled_users d WHERE d.name = p_name) THEN
        RAISE EXCEPTION 'user % is disabled here', p_name USING ERRCODE = '22023',
            HINT = format('user add %s --role %s gives the login rights here again', p_name, p_role);
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

-- This database's users with their Vigil roles here (and superusers, who hold every right),
-- and the logins disabled here, with no roles and `disabled` true.
CREATE OR REPLACE VIEW vigil.users AS
SELECT u.rolname::text AS name,
       u.rolsuper AS superuser,
       ARRAY(SELECT r FROM unnest(ARRAY['admin', 'inspector', 'manager', 'supervisor']) AS r
              WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                             WHERE m.member = u.oid
                               AND m.roleid = (SELECT g.oid FROM pg_catalog.pg_roles g WHERE g.rolname = vigil.role_name(r)))
              ORDER BY r) AS roles,
       EXISTS (SELECT 1 FROM vigil.disabled_users d WHERE d.name = u.rolname::text) AS disabled
  FROM pg_catalog.pg_roles u
 WHERE u.rolcanlogin
   AND (u.rolsuper OR EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                               WHERE m.member = u.oid
                                 AND g.rolname IN (vigil.role_name('admin'), vigil.role_name('supervisor'),
                                                   vigil.role_name('inspector'), vigil.role_name('manager')))
        OR EXISTS (SELECT 1 FROM vigil.disabled_users d WHERE d.name = u.rolname::text));

REVOKE ALL ON vigil.disabled_users FROM PUBLIC;
REVOKE ALL ON FUNCTION vigil.user_disable(text) FROM PUBLIC;

DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION vigil.user_disable(text) TO %I', vigil.role_name('admin'));
    EXECUTE format('GRANT SELECT ON vigil.users TO %I, %I, %I, %I', vigil.role_name('admin'),
                   vigil.role_name('supervisor'), vigil.role_name('inspector'), vigil.role_name('manager'));
END
$$;
