-- 0014: engagement partitions spread over several databases (Spotlight:Postgres:EngagementShards).
--
-- Every database (the main one and each engagement shard) gets the whole schema; only some tables are used in
-- each: the main database keeps membership, grain state, reminders, directories and the shard map; a shard keeps
-- its partitions' log, batch ids, checkpoints and counters.

-- In the main database: which shard holds each partition, recorded once so that a changed list is refused.
CREATE TABLE engagement_shard_map
(
    partition integer NOT NULL,
    shard     text    NOT NULL,

    CONSTRAINT pk_engagement_shard_map PRIMARY KEY (partition)
);

-- In each engagement database: which shard it is, so that a connection string pointing at another shard's
-- database is refused rather than read as if it held these partitions.
ALTER TABLE engagement_layout ADD COLUMN shard text;
ALTER TABLE engagement_layout ADD COLUMN shard_index smallint NOT NULL DEFAULT 0;

-- Fired alerts are recorded in the shard of the partition that decided them, and a title's feed is merged from
-- every shard by sequence, so a sequence must order alerts across databases: milliseconds since 2020 (times
-- 4096), then a per-database counter (64 steps within a millisecond), then the shard's index (up to 64 shards).
-- It stays below 2^53 for decades, so a browser reads it exactly. Alerts fired before keep their small numbers.
CREATE SEQUENCE engagement_alert_fired_tiebreak;

CREATE FUNCTION engagement_fired_sequence() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    SELECT floor(extract(epoch FROM clock_timestamp() - timestamptz '2020-01-01 00:00:00+00') * 1000)::bigint * 4096
         + (nextval('engagement_alert_fired_tiebreak') % 64) * 64
         + COALESCE((SELECT shard_index FROM engagement_layout WHERE id = 1), 0)
$$;

ALTER TABLE engagement_alert_fired ALTER COLUMN sequence DROP IDENTITY;
ALTER TABLE engagement_alert_fired ALTER COLUMN sequence SET DEFAULT engagement_fired_sequence();
