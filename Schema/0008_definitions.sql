-- Definitions: code the database runs that holds no data of its own, such as a projection's
-- functions, kept in Schema/projections/NAME.sql. The migrator applies each one after the
-- migrations whenever its text differs from the one recorded here, so a projection is changed
-- in its own file instead of being copied into a new migration. Every user may read the table,
-- as vigil_meta.migrations, so a shell can tell at start-up that the schema is up to date.
CREATE TABLE vigil_meta.definitions (
    name       text PRIMARY KEY,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

DO $$
BEGIN
    EXECUTE format('GRANT SELECT ON vigil_meta.definitions TO %I, %I, %I, %I',
                   vigil.role_name('admin'), vigil.role_name('supervisor'), vigil.role_name('inspector'),
                   vigil.role_name('manager'));
END
$$;
