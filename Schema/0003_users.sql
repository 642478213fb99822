-- People are PostgreSQL login roles that are members of the vigil_* group roles. Admins manage
-- them through these functions, which check the caller and quote every name with %I, so a
-- name can never become SQL.

CREATE FUNCTION vigil.check_admin() RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    IF NOT vigil.has_role('vigil_admin') THEN
        RAISE EXCEPTION 'only an admin may manage users' USING ERRCODE = '42501';
    END IF;
END
$$;

CREATE FUNCTION vigil.group_role(p_role text) RETURNS name
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    IF p_role NOT IN ('admin', 'supervisor', 'inspector', 'manager') THEN
        RAISE EXCEPTION 'no role %', p_role USING ERRCODE = '22023',
            HINT = 'roles: admin, supervisor, inspector, manager';
    END IF;
    RETURN ('vigil_' || p_role)::name;
END
$$;

CREATE FUNCTION vigil.user_add(p_name text, p_role text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
BEGIN
    PERFORM vigil.check_admin();
    IF p_name !~ '^[[:alpha:]_][[:alnum:]_.-]{0,62}$' THEN
        RAISE EXCEPTION 'bad user name %', p_name USING ERRCODE = '22023',
            HINT = 'letters, digits, _ . - ; starting with a letter or _';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name) THEN
        RAISE EXCEPTION 'a user or role named % already exists', p_name USING ERRCODE = '42710';
    END IF;
    IF p_password IS NULL THEN
        EXECUTE format('CREATE ROLE %I LOGIN', p_name);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_password);
    END IF;
    EXECUTE format('GRANT %I TO %I', vigil.group_role(p_role), p_name);
END
$$;

CREATE FUNCTION vigil.user_grant(p_name text, p_role text, p_grant boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
BEGIN
    PERFORM vigil.check_admin();
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name AND rolcanlogin) THEN
        RAISE EXCEPTION 'no user %', p_name USING ERRCODE = '42704';
    END IF;
    IF p_grant THEN
        EXECUTE format('GRANT %I TO %I', vigil.group_role(p_role), p_name);
    ELSE
        IF NOT pg_has_role(p_name, vigil.group_role(p_role), 'MEMBER') THEN
            RAISE EXCEPTION 'user % does not have the role %', p_name, p_role USING ERRCODE = '22023';
        END IF;
        EXECUTE format('REVOKE %I FROM %I', vigil.group_role(p_role), p_name);
    END IF;
END
$$;

-- Users with their Vigil roles; readable by every Vigil role (whoami, user list).
CREATE VIEW vigil.users AS
SELECT u.rolname::text AS name,
       u.rolsuper AS superuser,
       ARRAY(SELECT substr(g.rolname, 7) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
              WHERE m.member = u.oid AND g.rolname IN ('vigil_admin', 'vigil_supervisor', 'vigil_inspector', 'vigil_manager')
              ORDER BY g.rolname) AS roles
  FROM pg_roles u
 WHERE u.rolcanlogin
   AND (u.rolsuper OR EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                               WHERE m.member = u.oid AND g.rolname LIKE 'vigil\_%'));

REVOKE ALL ON FUNCTION vigil.user_add(text, text, text), vigil.user_grant(text, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vigil.user_add(text, text, text), vigil.user_grant(text, text, boolean) TO vigil_admin;
GRANT SELECT ON vigil.users TO vigil_admin, vigil_supervisor, vigil_inspector, vigil_manager;
