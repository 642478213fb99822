-- Ready to be distributed by street (Runbooks/scaling-out.md, docs/event-store.md "On Citus"):
-- what one street's append touches is keyed by that street, and no row-level-security policy
-- holds a subquery. On one server nothing changes in what anyone sees or may do.
--
-- 1. A street's counter moves from the directory to vigil.street_logs, keyed by street like the
--    log. On Citus the directory is a reference table, copied to every node and written rarely;
--    the counter, written by every append, lives on the worker that holds the street's events.
-- 2. The photos an event carries are indexed by the append itself (vigil.append_to), not by a
--    trigger on the log: on Citus a trigger runs on a shard, where it may not write a table.
-- 3. The policy on the scopes names no subquery (Citus refuses one).
-- 4. A street keeps the bytes of the photos its records carry: a photo's bytes, its upload and
--    the proof that a transaction uploaded it are keyed by street, so that on Citus a street's
--    photos live on its worker and one user's connection to it does the whole command. (Until
--    now the bytes were kept once for every street; a photo two streets carry is now kept by
--    each.) The proof names its transaction by a token every node of a cluster gives it alike.
-- 5. An append wakes the log's followers through vigil.announce, which Citus replaces.

-- ------------------------------------------------------------------ 1. the street's counter

CREATE TABLE vigil.street_logs (
    street        integer PRIMARY KEY REFERENCES vigil.streets,
    -- The position of the street's last event.
    last_position bigint NOT NULL DEFAULT 0
);
INSERT INTO vigil.street_logs (street, last_position) SELECT s.street, s.last_position FROM vigil.streets s;
ALTER TABLE vigil.streets DROP COLUMN last_position;

-- ------------------------------------------------------------------ 2. the photo index

DROP TRIGGER events_index_attachments ON vigil.events;
DROP FUNCTION vigil.index_attachments();

-- ------------------------------------------------------------------ 3. the scopes' policy

-- A user reads their own scope, the scopes of the streets they read and of the district they
-- manage; an admin reads every scope. Only the catalog is asked.
DROP POLICY readable_scopes ON vigil.user_scopes;
DO $$
DECLARE
    v_id text := (SELECT i.id FROM vigil.instance i);
BEGIN
    EXECUTE format('CREATE POLICY readable_scopes ON vigil.user_scopes FOR SELECT '
                   'USING (name = session_user::text '
                   'OR pg_catalog.pg_has_role(session_user, %L, %L) '
                   'OR pg_catalog.pg_has_role(session_user, %L || street::text, %L) '
                   'OR pg_catalog.pg_has_role(session_user, %L || district::text, %L))',
                   vigil.role_name('admin'), 'MEMBER', 'vigil_' || v_id || '_street_', 'MEMBER',
                   'vigil_' || v_id || '_district_', 'MEMBER');
END
$$;

-- ------------------------------------------------------------------ 4. photos kept by street

-- The bytes: each street that carries a file gets its copy (the first street keeps the row).
ALTER TABLE vigil.event_attachments DROP CONSTRAINT event_attachments_sha256_fkey;
ALTER TABLE vigil.attachment_chunks DROP CONSTRAINT attachment_chunks_sha256_fkey;
ALTER TABLE vigil.attachments DISABLE TRIGGER attachments_append_only;
ALTER TABLE vigil.attachment_chunks DISABLE TRIGGER attachment_chunks_append_only;
ALTER TABLE vigil.attachments ADD COLUMN street integer;
ALTER TABLE vigil.attachment_chunks ADD COLUMN street integer;
UPDATE vigil.attachments a
   SET street = (SELECT min(e.street) FROM vigil.event_attachments e WHERE e.sha256 = a.sha256);
ALTER TABLE vigil.attachments DROP CONSTRAINT attachments_pkey;
INSERT INTO vigil.attachments (sha256, content_type, size, recorded_at, recorded_by, street)
SELECT a.sha256, a.content_type, a.size, a.recorded_at, a.recorded_by, e.street
  FROM vigil.attachments a
  JOIN (SELECT DISTINCT x.street, x.sha256 FROM vigil.event_attachments x) e
    ON e.sha256 = a.sha256 AND e.street > a.street;
ALTER TABLE vigil.attachment_chunks DROP CONSTRAINT attachment_chunks_pkey;
INSERT INTO vigil.attachment_chunks (sha256, n, bytes, street)
SELECT c.sha256, c.n, c.bytes, a.street FROM vigil.attachment_chunks c JOIN vigil.attachments a USING (sha256)
 WHERE c.street IS NULL;
DELETE FROM vigil.attachment_chunks WHERE street IS NULL;
ALTER TABLE vigil.attachments ALTER COLUMN street SET NOT NULL, ADD PRIMARY KEY (street, sha256);
ALTER TABLE vigil.attachment_chunks ALTER COLUMN street SET NOT NULL, ADD PRIMARY KEY (street, sha256, n),
    ADD CONSTRAINT attachment_chunks_street_sha256_fkey FOREIGN KEY (street, sha256) REFERENCES vigil.attachments;
ALTER TABLE vigil.event_attachments
    ADD CONSTRAINT event_attachments_street_sha256_fkey FOREIGN KEY (street, sha256) REFERENCES vigil.attachments;
ALTER TABLE vigil.attachments ENABLE ALWAYS TRIGGER attachments_append_only;
ALTER TABLE vigil.attachment_chunks ENABLE ALWAYS TRIGGER attachment_chunks_append_only;

-- Uploads live within one transaction, so none is left to move.
DELETE FROM vigil.attachment_uploads;
ALTER TABLE vigil.attachment_uploads DROP CONSTRAINT attachment_uploads_pkey,
    ADD COLUMN street integer NOT NULL, ADD PRIMARY KEY (street, upload, n);

-- The proof that a transaction holds a file's bytes, in the street it uploaded them to. A proof
-- lives as long as its transaction; what is left of finished ones is cleared by age.
DELETE FROM vigil.attachment_proofs;
ALTER TABLE vigil.attachment_proofs
    DROP CONSTRAINT attachment_proofs_pkey,
    DROP COLUMN transaction_id,
    ADD COLUMN street integer NOT NULL,
    ADD COLUMN transaction_token text NOT NULL,
    ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now(),
    ADD PRIMARY KEY (street, transaction_token, sha256);

-- The current transaction, named alike by every node that works for it: on one server its id.
-- (`vigil migrate --distribute` replaces it with Citus's distributed transaction number.)
CREATE FUNCTION vigil.transaction_token() RETURNS text
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_current_xact_id()::text
$$;

-- The street's readers read its counter and its photos, as they read its events (only the
-- catalog is asked). The bytes of a file no event carries are never kept
-- (vigil.check_attachment_carried). Uploads and proofs no user reads; they get the same rule,
-- should a grant ever give them one.
DROP POLICY street_readers ON vigil.attachments;
DROP POLICY street_readers ON vigil.attachment_chunks;
DO $$
DECLARE
    v_prefix text := 'vigil_' || (SELECT i.id FROM vigil.instance i) || '_street_';
    t regclass;
BEGIN
    FOREACH t IN ARRAY ARRAY['vigil.street_logs', 'vigil.attachments', 'vigil.attachment_chunks',
                             'vigil.attachment_uploads', 'vigil.attachment_proofs']::regclass[] LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY street_readers ON %s FOR SELECT '
                       'USING (street = 0 OR pg_catalog.pg_has_role(session_user, %L || street::text, %L))',
                       t, v_prefix, 'MEMBER');
    END LOOP;
END
$$;

-- ------------------------------------------------------------------ 5. waking followers

-- Wakes the followers of the log (`vigil tail`): a notification names only the street, never a
-- record, since every user may LISTEN. (`vigil migrate --distribute` makes it do nothing: a
-- worker's notification would reach no follower of the coordinator.)
CREATE FUNCTION vigil.announce(p_street integer) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_notify('vigil_events', p_street::text)
$$;

-- ------------------------------------------------------------------ grants

REVOKE ALL ON vigil.street_logs FROM PUBLIC;
REVOKE ALL ON FUNCTION vigil.transaction_token(), vigil.announce(integer) FROM PUBLIC;
DO $$
DECLARE
    v_everyone text := format('%I, %I, %I, %I', vigil.role_name('admin'), vigil.role_name('supervisor'),
                              vigil.role_name('inspector'), vigil.role_name('manager'));
BEGIN
    EXECUTE 'GRANT SELECT ON vigil.street_logs TO ' || v_everyone;
END
$$;
