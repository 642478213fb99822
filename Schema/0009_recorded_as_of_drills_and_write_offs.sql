-- What `drills list`, `drills missed` and `findings stats` need to show the log as it stood at
-- an instant (`set recorded-as-of T`: every event recorded after T ignored).
--
-- planner.drills keeps only a drill's latest scheduled date and rating, so a reschedule or an
-- evaluation recorded after T still showed through. Each scheduled date (the first and every
-- reschedule) and each rating is kept with the instant it was recorded; the report reads the
-- latest one recorded by T. planner.findings kept the write-off's date without its instant.
-- Schema/projections/planner.sql fills them (and, as it changed, rebuilds the projection).

CREATE TABLE planner.drill_schedules (
    drill        text NOT NULL,
    position     bigint NOT NULL,
    scheduled_on date NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (drill, position)
);

CREATE TABLE planner.drill_ratings (
    drill       text NOT NULL,
    position    bigint NOT NULL,
    rating      text NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (drill, position)
);

ALTER TABLE planner.findings ADD COLUMN written_off_recorded_at timestamptz;

DO $$
BEGIN
    EXECUTE format('GRANT SELECT ON planner.drill_schedules, planner.drill_ratings TO %I, %I, %I, %I',
                   vigil.role_name('admin'), vigil.role_name('supervisor'), vigil.role_name('inspector'),
                   vigil.role_name('manager'));
END
$$;
