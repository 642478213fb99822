-- Photos and documents as evidence (整改前后照片, a drill's photos and evaluation document),
-- kept inside the tamper-evident log.
--
-- The bytes live in ordinary tables, in chunks of at most 1 MiB (large objects are not
-- distributed by Citus and escape the log's privileges), content-addressed by SHA-256: the
-- same file attached twice is kept once. An event that carries a photo records its SHA-256,
-- name, type and size, so the hash chain covers the evidence, and `vigil verify` recomputes
-- every attachment's digest from its bytes. Bytes reach the database only through
-- vigil.attachment_chunk and vigil.attachment_finish, in the transaction of the event that
-- refers to them; an attachment no event refers to when the transaction commits is refused,
-- so an interrupted upload leaves nothing behind.

CREATE TABLE vigil.attachments (
    sha256       text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size         bigint      NOT NULL CHECK (size BETWEEN 1 AND 20971520),
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL
);

CREATE TABLE vigil.attachment_chunks (
    sha256 text    NOT NULL REFERENCES vigil.attachments,
    n      integer NOT NULL CHECK (n >= 0),
    bytes  bytea   NOT NULL,
    PRIMARY KEY (sha256, n)
);

-- Bytes on their way in, within one transaction only.
CREATE TABLE vigil.attachment_uploads (
    upload uuid    NOT NULL,
    n      integer NOT NULL CHECK (n >= 0),
    bytes  bytea   NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 1048576),
    PRIMARY KEY (upload, n)
);

-- Which events carry which attachment, filled as events are appended.
CREATE TABLE vigil.event_attachments (
    sha256    text   NOT NULL REFERENCES vigil.attachments,
    position  bigint NOT NULL,
    PRIMARY KEY (sha256, position)
);
CREATE INDEX event_attachments_position ON vigil.event_attachments (position);

-- True when the caller may record evidence at all (which records, the event types decide).
CREATE FUNCTION vigil.check_writer() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT (vigil.has_role('supervisor') OR vigil.has_role('inspector')) THEN
        RAISE EXCEPTION 'permission denied to attach files' USING ERRCODE = '42501';
    END IF;
END
$$;

-- Adds the n-th chunk (from 0) of an upload.
CREATE FUNCTION vigil.attachment_chunk(p_upload uuid, p_n integer, p_bytes bytea) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, vigil, pg_temp
AS $$
BEGIN
    PERFORM vigil.check_writer();
    IF p_upload IS NULL OR p_n IS NULL OR p_n < 0 OR p_n > 20 THEN
        RAISE EXCEPTION 'bad chunk % of upload %', p_n, p_upload USING ERRCODE = '22023';
    END IF;
    INSERT INTO vigil.attachment_uploads (upload, n, bytes) VALUES (p_upload, p_n, p_bytes);
    IF (SELECT sum(octet_length(u.bytes)) FROM vigil.attachment_uploads u WHERE u.upload = p_upload) > 20971520 THEN
        RAISE EXCEPTION 'an attachment may be at most 20 MB' USING ERRCODE = '54000';
    END IF;
END
$$;

-- The type of a file, recognised by its first bytes (never by its name), or NULL.
CREATE FUNCTION vigil.content_type(p_head bytea) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
        WHEN substr(p_head, 1, 3) = '\xffd8ff'::bytea THEN 'image/jpeg'
        WHEN substr(p_head, 1, 8) = '\x89504e470d0a1a0a'::bytea THEN 'image/png'
        WHEN substr(p_head, 1, 5) = '\x255044462d'::bytea THEN 'application/pdf'
    END
$$;

-- Ends an upload: the file's SHA-256 and size, stored once (a file already kept is not kept
-- twice). Refuses a file that is not a JPEG, PNG or PDF, whatever it is called.
CREATE FUNCTION vigil.attachment_finish(p_upload uuid)
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
    IF NOT EXISTS (SELECT 1 FROM vigil.attachments a WHERE a.sha256 = v_sha) THEN
        INSERT INTO vigil.attachments VALUES (v_sha, v_type, v_size, clock_timestamp(), session_user);
        INSERT INTO vigil.attachment_chunks SELECT v_sha, u.n, u.bytes FROM vigil.attachment_uploads u WHERE u.upload = p_upload;
    END IF;
    DELETE FROM vigil.attachment_uploads u WHERE u.upload = p_upload;
    RETURN QUERY SELECT v_sha, v_type, v_size;
END
$$;

-- At commit: every upload was finished, and every new attachment is carried by an event.
-- (Deferred triggers fire at COMMIT, outside the functions that wrote the rows, hence
-- SECURITY DEFINER: the committing user has no rights on these tables.)
CREATE FUNCTION vigil.check_upload_finished() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM vigil.attachment_uploads u WHERE u.upload = NEW.upload) THEN
        RAISE EXCEPTION 'upload % was never finished', NEW.upload USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER attachment_uploads_finished AFTER INSERT ON vigil.attachment_uploads
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION vigil.check_upload_finished();

CREATE FUNCTION vigil.check_attachment_carried() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM vigil.event_attachments ea WHERE ea.sha256 = NEW.sha256) THEN
        RAISE EXCEPTION 'attachment % is carried by no event; it is not kept', NEW.sha256 USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER attachments_carried AFTER INSERT ON vigil.attachments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION vigil.check_attachment_carried();

-- Evidence is as append-only as the log.
CREATE TRIGGER attachments_append_only BEFORE UPDATE OR DELETE ON vigil.attachments
    FOR EACH ROW EXECUTE FUNCTION vigil.refuse_change();
CREATE TRIGGER attachments_no_truncate BEFORE TRUNCATE ON vigil.attachments
    FOR EACH STATEMENT EXECUTE FUNCTION vigil.refuse_change();
CREATE TRIGGER attachment_chunks_append_only BEFORE UPDATE OR DELETE ON vigil.attachment_chunks
    FOR EACH ROW EXECUTE FUNCTION vigil.refuse_change();
CREATE TRIGGER attachment_chunks_no_truncate BEFORE TRUNCATE ON vigil.attachment_chunks
    FOR EACH STATEMENT EXECUTE FUNCTION vigil.refuse_change();
ALTER TABLE vigil.attachments ENABLE ALWAYS TRIGGER attachments_append_only;
ALTER TABLE vigil.attachments ENABLE ALWAYS TRIGGER attachments_no_truncate;
ALTER TABLE vigil.attachment_chunks ENABLE ALWAYS TRIGGER attachment_chunks_append_only;
ALTER TABLE vigil.attachment_chunks ENABLE ALWAYS TRIGGER attachment_chunks_no_truncate;

-- Records which attachments an appended event carries.
CREATE FUNCTION vigil.index_attachments() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO vigil.event_attachments (sha256, position)
    SELECT DISTINCT p->>'sha256', NEW.position FROM jsonb_array_elements(NEW.data->'photos') AS p;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_index_attachments AFTER INSERT ON vigil.events
    FOR EACH ROW WHEN (NEW.data ? 'photos') EXECUTE FUNCTION vigil.index_attachments();
ALTER TABLE vigil.events ENABLE ALWAYS TRIGGER events_index_attachments;

-- vigil.field_fits (migration 0004) learns the kind "attachments".
CREATE OR REPLACE FUNCTION vigil.field_fits(p_field jsonb, p_value jsonb) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE p_field->>'kind'
        WHEN 'text' THEN jsonb_typeof(p_value) = 'string'
                         AND length(p_value #>> '{}') BETWEEN 1 AND (p_field->>'max_length')::integer
        WHEN 'date' THEN vigil.is_date(p_value)
        WHEN 'count' THEN vigil.is_whole(p_value, 0)
        WHEN 'positive' THEN vigil.is_whole(p_value, 1)
        WHEN 'boolean' THEN jsonb_typeof(p_value) = 'boolean'
        WHEN 'choice' THEN jsonb_typeof(p_value) = 'string' AND (p_field->'values') ? (p_value #>> '{}')
        WHEN 'code' THEN jsonb_typeof(p_value) = 'string'
                         AND (p_value #>> '{}') ~ ('^' || (p_field->>'prefix') || '-[1-9][0-9]{0,8}$')
        WHEN 'codes' THEN jsonb_typeof(p_value) = 'array' AND jsonb_array_length(p_value) <= 1000
                          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_value) AS x
                                           WHERE jsonb_typeof(x) <> 'string'
                                              OR (x #>> '{}') !~ ('^' || (p_field->>'prefix') || '-[1-9][0-9]{0,8}$'))
        WHEN 'names' THEN jsonb_typeof(p_value) = 'array' AND jsonb_array_length(p_value) <= 1000
                          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_value) AS x
                                           WHERE jsonb_typeof(x) <> 'string'
                                              OR length(x #>> '{}') NOT BETWEEN 1 AND (p_field->>'max_length')::integer)
        WHEN 'object' THEN jsonb_typeof(p_value) = 'object'
        WHEN 'array' THEN jsonb_typeof(p_value) = 'array'
        -- Each photo names a stored attachment, with its stored type and size.
        WHEN 'attachments' THEN jsonb_typeof(p_value) = 'array' AND jsonb_array_length(p_value) BETWEEN 1 AND 20
                                AND NOT EXISTS (
                                    SELECT 1 FROM jsonb_array_elements(p_value) AS x
                                     WHERE jsonb_typeof(x) <> 'object'
                                        OR EXISTS (SELECT 1 FROM jsonb_object_keys(x) AS k
                                                    WHERE k NOT IN ('sha256', 'name', 'type', 'size'))
                                        OR jsonb_typeof(x->'name') IS DISTINCT FROM 'string'
                                        OR length(x->>'name') NOT BETWEEN 1 AND 200
                                        OR NOT EXISTS (SELECT 1 FROM vigil.attachments a
                                                        WHERE a.sha256 = x->>'sha256'
                                                          AND to_jsonb(a.content_type) = x->'type'
                                                          AND to_jsonb(a.size) = x->'size'))
        ELSE false
    END
$$;



-- The types that carry evidence (generated from EventRegistry, like migration 0004's rows).
UPDATE vigil.event_types
   SET fields = fields || '[{"kind": "attachments", "name": "photos", "required": false}]'::jsonb
 WHERE type IN ('InspectionRecorded', 'FindingAdded', 'FindingRectified', 'FindingVerified', 'DrillConducted');

DO $$
DECLARE
    v_readers text := format('%I, %I, %I, %I', vigil.role_name('admin'), vigil.role_name('supervisor'),
                             vigil.role_name('inspector'), vigil.role_name('manager'));
BEGIN
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA vigil FROM PUBLIC;
    EXECUTE 'GRANT SELECT ON vigil.attachments, vigil.attachment_chunks, vigil.event_attachments TO ' || v_readers;
    EXECUTE format('GRANT EXECUTE ON FUNCTION vigil.attachment_chunk(uuid, integer, bytea), vigil.attachment_finish(uuid) '
                   'TO %I, %I, %I', vigil.role_name('admin'), vigil.role_name('supervisor'), vigil.role_name('inspector'));
END
$$;
