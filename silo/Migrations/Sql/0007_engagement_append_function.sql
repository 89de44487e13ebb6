-- 0007: a group of engagement batches is appended by one function call.
--
-- The appender used to hold the partition heads' row locks for three round trips (read the heads and the
-- earlier claims, write, commit). Called as one statement in autocommit, this function does the same work
-- in one round trip that also commits, so the locks are held for the statement and its WAL flush only.
--
-- Arguments: the group's batch ids (distinct) with the answer to remember for each, and its slices (the
-- 1-based index of the batch each belongs to, partition, event count, payload) in append order. Batches
-- whose id was claimed within the dedupe window append nothing; their earlier claims are returned.

CREATE FUNCTION engagement_append(
    batch_ids text[],
    batch_accepted integer[],
    batch_rejected jsonb[],
    slice_batch integer[],
    slice_partition integer[],
    slice_events integer[],
    slice_payload bytea[],
    dedupe_window interval)
RETURNS TABLE (batch_id text, accepted integer, rejected jsonb)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    earlier text[];
BEGIN
    -- In partition order, as every appender does, so that two silos' groups queue instead of deadlocking.
    PERFORM 1 FROM engagement_log_head ORDER BY partition FOR UPDATE;

    IF EXISTS (SELECT 1 FROM unnest(slice_partition) AS s(p)
                WHERE NOT EXISTS (SELECT 1 FROM engagement_log_head h WHERE h.partition = s.p)) THEN
        RAISE EXCEPTION 'The engagement log has fewer partitions than a slice names; the layout check should have refused to start.';
    END IF;

    SELECT COALESCE(array_agg(b.batch_id), '{}') INTO earlier
      FROM engagement_batch b
     WHERE b.batch_id = ANY(batch_ids) AND b.accepted_at >= now() - dedupe_window;

    INSERT INTO engagement_batch (batch_id, accepted_at, accepted, rejected)
    SELECT c.id, clock_timestamp(), c.a, c.r
      FROM unnest(batch_ids, batch_accepted, batch_rejected) AS c(id, a, r)
     WHERE NOT (c.id = ANY(earlier));

    -- Offsets continue each partition's head densely, in the order the slices were given. Every part of
    -- this statement sees the heads as they were before it, so the insert and the head update agree.
    WITH slices AS (
        SELECT s.p, s.e, s.pl, row_number() OVER (PARTITION BY s.p ORDER BY s.n) AS k
          FROM unnest(slice_batch, slice_partition, slice_events, slice_payload) WITH ORDINALITY AS s(b, p, e, pl, n)
         WHERE NOT (batch_ids[s.b] = ANY(earlier))
    ), appended AS (
        INSERT INTO engagement_log (partition, log_offset, appended_at, events, payload)
        SELECT s.p, h.next_offset + s.k - 1, clock_timestamp(), s.e, s.pl
          FROM slices s JOIN engagement_log_head h ON h.partition = s.p
        RETURNING partition
    )
    UPDATE engagement_log_head h SET next_offset = h.next_offset + c.n
      FROM (SELECT a.partition, count(*) AS n FROM appended a GROUP BY a.partition) AS c
     WHERE h.partition = c.partition;

    RETURN QUERY
        SELECT b.batch_id, b.accepted, b.rejected
          FROM engagement_batch b
         WHERE b.batch_id = ANY(earlier) AND b.accepted_at >= now() - dedupe_window;
END $$;
