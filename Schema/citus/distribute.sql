-- Distributes Vigil's tables over a Citus cluster by street (`vigil migrate --distribute`,
-- Runbooks/scaling-out.md). Run by the migrator on the coordinator after the migrations, in one
-- transaction; a table already distributed is left as it is, so running it again does nothing.
--
-- - Every table keyed by street is hash-distributed by its column `street`, all of them in one
--   colocation group with the log: a street's events, stream heads, counter, photos and
--   planner rows live on one worker, and a street's append and its reports touch that worker only.
-- - The small tables every node reads, and that change rarely (the directory, the event types,
--   the scopes), are reference tables: a copy on every node.
-- - The migrator's own bookkeeping (vigil_meta) stays on the coordinator.
-- - The functions that write a street (vigil.append_to, planner.next_code_in and the photo
--   upload's vigil.attachment_chunk_in and vigil.attachment_finish_in) are delegated by their
--   street argument to the worker holding the street; every other function of Vigil's is
--   created on every node, for the delegated calls to use.
--
-- Foreign keys join these tables in one graph, which Citus converts as a whole: they are set
-- aside while the tables are distributed, then added again as they were.

DO $$
DECLARE
    v_reference regclass[] := ARRAY[
        'vigil.instance', 'vigil.event_types', 'vigil.stream_kinds',
        'vigil.projections', 'vigil.districts', 'vigil.streets', 'vigil.user_scopes', 'vigil.disabled_users'];
    v_by_street regclass[];
    v_keys record;
    v_saved text[] := '{}';
    t regclass;
    f regprocedure;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        RAISE EXCEPTION 'this database has no citus extension' USING ERRCODE = '0A000',
            HINT = 'vigil migrate --distribute runs on a Citus coordinator: CREATE EXTENSION citus there and on every worker, then add the workers (Runbooks/scaling-out.md)';
    END IF;
    -- The log first: it anchors the colocation group the other tables join.
    v_by_street := ARRAY['vigil.events'::regclass] || ARRAY(
        SELECT c.oid::regclass FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'street' AND NOT a.attisdropped
         WHERE c.relkind = 'r' AND c.relnamespace IN ('vigil'::regnamespace, 'planner'::regnamespace)
           AND c.oid <> 'vigil.events'::regclass AND c.oid <> ALL (v_reference)
         ORDER BY c.relnamespace::regnamespace::text, c.relname);

    FOR v_keys IN
        SELECT k.conrelid::regclass AS tab, k.conname, pg_catalog.pg_get_constraintdef(k.oid) AS def
          FROM pg_catalog.pg_constraint k
         WHERE k.contype = 'f' AND (k.conrelid = ANY (v_reference || v_by_street))
           AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = k.conrelid)
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', v_keys.tab, v_keys.conname);
        v_saved := v_saved || format('ALTER TABLE %s ADD CONSTRAINT %I %s', v_keys.tab, v_keys.conname, v_keys.def);
    END LOOP;

    -- The append-only guards are triggers, which Citus places on every shard when asked to.
    SET LOCAL citus.enable_unsafe_triggers = on;
    SET LOCAL citus.multi_shard_modify_mode = 'sequential';

    -- At commit one server refuses an upload left unfinished, and a photo's bytes that no event
    -- carries: triggers that read another table, which a trigger on a shard may not. On Citus
    -- such rows are kept, in the street that uploaded them, and no report reads them.
    DROP TRIGGER IF EXISTS attachments_carried ON vigil.attachments;
    DROP TRIGGER IF EXISTS attachment_uploads_finished ON vigil.attachment_uploads;
    FOREACH t IN ARRAY v_reference LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = t) THEN
            PERFORM create_reference_table(t);
        END IF;
    END LOOP;
    FOREACH t IN ARRAY v_by_street LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = t) THEN
            PERFORM create_distributed_table(t, 'street',
                colocate_with => CASE WHEN t = 'vigil.events'::regclass THEN 'none' ELSE 'vigil.events' END);
        END IF;
    END LOOP;
    FOREACH v_keys.def IN ARRAY v_saved LOOP
        EXECUTE v_keys.def;
    END LOOP;

    -- Listeners connect to the coordinator, and a worker's notification reaches only its own:
    -- on Citus a follower polls (`vigil tail` reads again every few seconds).
    EXECUTE $f$
        CREATE OR REPLACE FUNCTION vigil.announce(p_street integer) RETURNS void
        LANGUAGE sql
        SET search_path = pg_catalog, pg_temp
        AS 'SELECT'
    $f$;

    -- A transaction is named by Citus's distributed transaction number, which the coordinator
    -- hands every worker that works for it (a transaction that has not yet reached a worker
    -- keeps its local id).
    EXECUTE $f$
        CREATE OR REPLACE FUNCTION vigil.transaction_token() RETURNS text
        LANGUAGE sql VOLATILE
        SET search_path = pg_catalog, pg_temp
        AS 'SELECT CASE WHEN t.transaction_number > 0
                        THEN ''citus:'' || t.initiator_node_identifier || ''.'' || t.transaction_number
                        ELSE ''local:'' || pg_current_xact_id() END
              FROM pg_catalog.get_current_transaction_id() t'
    $f$;

    -- Every function of Vigil's on every node; the append delegated by its street. A function
    -- may call one created after it: the workers check no bodies while they are created.
    SET LOCAL citus.propagate_set_commands = 'local';
    SET LOCAL check_function_bodies = off;
    FOR f IN
        SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
         WHERE p.pronamespace IN ('vigil'::regnamespace, 'planner'::regnamespace) AND p.prokind = 'f'
           AND p.oid NOT IN (SELECT d.objid FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e')
    LOOP
        IF f IN ('vigil.append_to(integer, text, bigint, jsonb)'::regprocedure,
                 'planner.next_code_in(integer, text)'::regprocedure,
                 'vigil.attachment_chunk_in(integer, uuid, integer, bytea)'::regprocedure,
                 'vigil.attachment_finish_in(integer, uuid)'::regprocedure) THEN
            PERFORM create_distributed_function(f, 'p_street', colocate_with => 'vigil.events', force_delegation => true);
        ELSE
            PERFORM create_distributed_function(f);
        END IF;
    END LOOP;
END
$$;
