-- Evidence: how a photo's bytes are stored (docs/threat-model.md, "Evidence"). A definition,
-- like log.sql: applied again whenever its text changes.

-- Stores an upload's bytes under their SHA-256 once they are complete and of a known kind, and
-- records that this transaction holds them.
CREATE OR REPLACE FUNCTION vigil.attachment_finish(p_upload uuid)
RETURNS TABLE (sha256 text, content_type text, size bigint)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
DECLARE
    v_sha text;
    v_type text;
    v_size bigint;
    v_count integer;
BEGIN
    PERFORM vigil.check_writer();
    SELECT encode(pg_catalog.sha256(string_agg(u.bytes, ''::bytea ORDER BY u.n)), 'hex'),
           sum(octet_length(u.bytes)), count(*), max(u.n)
      INTO v_sha, v_size, v_count
      FROM vigil.attachment_uploads u WHERE u.upload = p_upload;
    IF v_count = 0 OR v_count <> (SELECT max(u.n) + 1 FROM vigil.attachment_uploads u WHERE u.upload = p_upload) THEN
        RAISE EXCEPTION 'upload % is empty or has a gap', p_upload USING ERRCODE = '22023';
    END IF;
    v_type := vigil.content_type((SELECT u.bytes FROM vigil.attachment_uploads u WHERE u.upload = p_upload AND u.n = 0));
    IF v_type IS NULL THEN
        RAISE EXCEPTION 'only JPEG, PNG and PDF files can be attached' USING ERRCODE = '22023';
    END IF;
    -- Bytes stored once, whichever street sent them; two uploads of the same bytes at once do
    -- not collide.
    INSERT INTO vigil.attachments VALUES (v_sha, v_type, v_size, clock_timestamp(), session_user)
    ON CONFLICT ON CONSTRAINT attachments_pkey DO NOTHING;
    IF FOUND THEN
        INSERT INTO vigil.attachment_chunks SELECT v_sha, u.n, u.bytes FROM vigil.attachment_uploads u WHERE u.upload = p_upload;
    END IF;
    -- This transaction has the bytes: an event of its own may carry them (vigil.validate_event).
    DELETE FROM vigil.attachment_proofs p WHERE p.transaction_id < pg_snapshot_xmin(pg_current_snapshot());
    INSERT INTO vigil.attachment_proofs VALUES (pg_current_xact_id(), v_sha) ON CONFLICT DO NOTHING;
    DELETE FROM vigil.attachment_uploads u WHERE u.upload = p_upload;
    RETURN QUERY SELECT v_sha, v_type, v_size;
END
$$;
