-- 0015: moving a log partition from one engagement shard to another (docs/operations.md "Engagement shards").
--
-- The move first takes the partition's log head out of the database it leaves, into engagement_partition_moving
-- (so that a move interrupted at any step can be run again): from then on that database refuses the partition's
-- slices, and engagement_append says why in words an operator can act on.

CREATE TABLE engagement_partition_moving
(
    partition   integer     NOT NULL,
    next_offset bigint      NOT NULL,
    moving_to   text        NOT NULL,
    fenced_at   timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT pk_engagement_partition_moving PRIMARY KEY (partition)
);

CREATE OR REPLACE FUNCTION engagement_append(
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
        -- A partition being moved to another shard, or moved already while this silo still routed it here.
        RAISE EXCEPTION 'A slice names a partition this database does not hold (being moved to another engagement shard, or moved); the batch is refused whole and may be sent again under its id.'
            USING ERRCODE = 'P0001';
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

-- A partition about to move is marked in the main database's map first: silos, which read the map every
-- 2 s, then refuse batches touching it before writing any part of them anywhere, so no batch is left
-- half-accepted across the old and the new shard by the move.
ALTER TABLE engagement_shard_map ADD COLUMN moving boolean NOT NULL DEFAULT false;
