-- The directory of streets (migration 0013 made it; DESIGN.md "Streets and districts"). A
-- definition, like log.sql: applied again whenever its text changes.
--
-- Each value is computed before the row that takes it is written: on Citus, where the directory
-- is a reference table, an INSERT may hold no subquery and an UPDATE no volatile function.

-- Adds a street office to the directory, with its district (added too when new); returns the
-- street's number. The first street named takes over the records the database already keeps.
CREATE OR REPLACE FUNCTION vigil.street_add(p_name text, p_district text, p_code text, p_district_code text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_district vigil.districts;
    v_street integer;
    v_next integer;
    v_now timestamptz := clock_timestamp();
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
        SELECT coalesce(max(d.district), 0) + 1 INTO v_next FROM vigil.districts d;
        INSERT INTO vigil.districts (district, name, code) VALUES (v_next, p_district, p_district_code)
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
           recorded_at = v_now, recorded_by = session_user
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
        SELECT max(s.street) + 1 INTO v_next FROM vigil.streets s;
        INSERT INTO vigil.streets (street, name, district, code, recorded_at, recorded_by)
        VALUES (v_next, p_name, v_district.district, p_code, v_now, session_user)
        RETURNING street INTO v_street;
        PERFORM vigil.ensure_role(vigil.street_role(v_street));
        EXECUTE format('GRANT %I TO %I', vigil.street_role(v_street), vigil.role_name('admin'));
    END IF;
    EXECUTE format('GRANT %I TO %I', vigil.street_role(v_street), vigil.district_role(v_district.district));
    RETURN v_street;
END
$$;
