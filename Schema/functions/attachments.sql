-- Evidence: how a photo's bytes are stored (docs/threat-model.md, "Evidence"). A definition,
-- like log.sql: applied again whenever its text changes.
--
-- A street keeps the bytes of the photos its records carry (migration 0014). The functions that
-- store them take the street, and on Citus are delegated by it, like vigil.append_to: an upload
-- and the append that carries it reach the street's worker over one connection, as the same
-- user, so that the append sees the bytes and the proof. vigil.attachment_chunk and
-- vigil.attachment_finish do the same in the session's street.

-- Adds the n-th chunk (from 0) of an upload to a street; returns the upload's size so far.
CREATE OR REPLACE FUNCTION vigil.attachment_chunk_in(p_street integer, p_upload uuid, p_n integer, p_bytes bytea)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_street integer;
    v_size bigint;
BEGIN
    PERFORM vigil.check_writer();
    IF p_upload IS NULL OR p_n IS NULL OR p_n < 0 OR p_n > 20 THEN
        RAISE EXCEPTION 'bad chunk % of upload %', p_n, p_upload USING ERRCODE = '22023';
    END IF;
    v_street := vigil.street_to_write(p_street);
    INSERT INTO vigil.attachment_uploads (street, upload, n, bytes) VALUES (v_street, p_upload, p_n, p_bytes);
    SELECT sum(octet_length(u.bytes)) INTO v_size FROM vigil.attachment_uploads u
     WHERE u.street = v_street AND u.upload = p_upload;
    IF v_size > 20971520 THEN
        RAISE EXCEPTION 'an attachment may be at most 20 MB' USING ERRCODE = '54000';
    END IF;
    RETURN v_size;
END
$$;

-- Stores an upload's bytes under their SHA-256 in the street once they are complete and of a
-- known kind (a file the street keeps already is not kept twice), and records that this
-- transaction holds them: an event of its own may then carry them (vigil.validate_event).
CREATE OR REPLACE FUNCTION vigil.attachment_finish_in(p_street integer, p_upload uuid)
RETURNS TABLE (sha256 text, content_type text, size bigint)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_street integer;
    v_sha text;
    v_type text;
    v_size bigint;
    v_count integer;
    v_last integer;
    v_head bytea;
    v_token text;
BEGIN
    PERFORM vigil.check_writer();
    v_street := vigil.street_to_write(p_street);
    SELECT encode(pg_catalog.sha256(string_agg(u.bytes, ''::bytea ORDER BY u.n)), 'hex'),
           sum(octet_length(u.bytes)), count(*), max(u.n)
      INTO v_sha, v_size, v_count, v_last
      FROM vigil.attachment_uploads u WHERE u.street = v_street AND u.upload = p_upload;
    IF v_count = 0 OR v_count <> v_last + 1 THEN
        RAISE EXCEPTION 'upload % is empty or has a gap', p_upload USING ERRCODE = '22023';
    END IF;
    SELECT u.bytes INTO v_head FROM vigil.attachment_uploads u
     WHERE u.street = v_street AND u.upload = p_upload AND u.n = 0;
    v_type := vigil.content_type(v_head);
    IF v_type IS NULL THEN
        RAISE EXCEPTION 'only JPEG, PNG and PDF files can be attached' USING ERRCODE = '22023';
    END IF;
    -- Two uploads of the same bytes at once do not collide.
    INSERT INTO vigil.attachments (street, sha256, content_type, size, recorded_at, recorded_by)
    VALUES (v_street, v_sha, v_type, v_size, clock_timestamp(), session_user)
    ON CONFLICT ON CONSTRAINT attachments_pkey DO NOTHING;
    IF FOUND THEN
        INSERT INTO vigil.attachment_chunks (street, sha256, n, bytes)
        SELECT v_street, v_sha, u.n, u.bytes FROM vigil.attachment_uploads u
         WHERE u.street = v_street AND u.upload = p_upload;
    END IF;
    -- (Proofs of transactions ended long ago are cleared; a transaction does not last a day.)
    DELETE FROM vigil.attachment_proofs p WHERE p.street = v_street AND p.recorded_at < now() - interval '1 day';
    v_token := vigil.transaction_token();
    INSERT INTO vigil.attachment_proofs (street, transaction_token, sha256) VALUES (v_street, v_token, v_sha)
    ON CONFLICT DO NOTHING;
    DELETE FROM vigil.attachment_uploads u WHERE u.street = v_street AND u.upload = p_upload;
    RETURN QUERY SELECT v_sha, v_type, v_size;
END
$$;

-- The same in the session's street (the street is found first, so that on Citus each call goes
-- to its worker as a value: a query, not an expression, which Citus would not delegate).
CREATE OR REPLACE FUNCTION vigil.attachment_chunk(p_upload uuid, p_n integer, p_bytes bytea) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_street integer := vigil.current_street();
    v_size bigint;
BEGIN
    SELECT c INTO v_size FROM vigil.attachment_chunk_in(v_street, p_upload, p_n, p_bytes) AS c;
END
$$;

CREATE OR REPLACE FUNCTION vigil.attachment_finish(p_upload uuid)
RETURNS TABLE (sha256 text, content_type text, size bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_street integer := vigil.current_street();
BEGIN
    RETURN QUERY SELECT * FROM vigil.attachment_finish_in(v_street, p_upload);
END
$$;

-- At commit, in the street of each row (deferred triggers, SECURITY DEFINER: the committing
-- user has no rights on these tables): every upload was finished, every file stored is carried
-- by an event.
CREATE OR REPLACE FUNCTION vigil.check_upload_finished() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM vigil.attachment_uploads u WHERE u.street = NEW.street AND u.upload = NEW.upload) THEN
        RAISE EXCEPTION 'upload % was never finished', NEW.upload USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION vigil.check_attachment_carried() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM vigil.event_attachments ea WHERE ea.street = NEW.street AND ea.sha256 = NEW.sha256) THEN
        RAISE EXCEPTION 'attachment % is carried by no event; it is not kept', NEW.sha256 USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION vigil.attachment_chunk_in(integer, uuid, integer, bytea),
    vigil.attachment_finish_in(integer, uuid) FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION vigil.attachment_chunk_in(integer, uuid, integer, bytea), '
                   'vigil.attachment_finish_in(integer, uuid) TO %I, %I, %I',
                   vigil.role_name('admin'), vigil.role_name('supervisor'), vigil.role_name('inspector'));
END
$$;
