-- 0006: the second engagement pipeline.
--
-- An event now belongs to the partition of its video, and a batch is appended as one log entry per
-- partition it touches, its batch id claimed in the same commit. Log entries carry a binary payload. Each
-- partition's projector applies a delivery to the projection tables below together with its checkpoint in
-- one transaction. The log and the batch claims are partitioned by time so that retention drops whole
-- tables (the segments are created and dropped by the silos, see PostgresLogSegments).
--
-- The earlier log (0005) is replaced. It must have been consumed to its end: entries not yet applied would
-- otherwise be lost, so this migration refuses to run while any are left (stop ingestion, wait until every
-- partition's checkpoint reaches the end of its log, then upgrade).

DO $$
DECLARE
    pending bigint;
BEGIN
    SELECT count(*) INTO pending
      FROM engagement_log l
      LEFT JOIN engagement_checkpoint c ON c.partition = l.partition AND c.consumer = 'orleans'
     WHERE l.log_offset > COALESCE(c.log_offset, 0);
    IF pending > 0 THEN
        RAISE EXCEPTION 'The engagement log holds % entries not yet applied; let every partition catch up before upgrading (docs/operations.md "Upgrading the engagement pipeline").', pending;
    END IF;
END $$;

DROP TABLE engagement_log;
DROP TABLE engagement_batch;
DROP TABLE engagement_checkpoint;
DROP TABLE engagement_partition;

-- The partition count is part of the data's layout: a video's counters have one writer, its partition's
-- projector. Silos refuse to start with another count than the one recorded here.
CREATE TABLE engagement_layout
(
    id         integer NOT NULL DEFAULT 1,
    partitions integer NOT NULL,

    CONSTRAINT pk_engagement_layout PRIMARY KEY (id),
    CONSTRAINT ck_engagement_layout_single CHECK (id = 1),
    CONSTRAINT ck_engagement_layout_partitions CHECK (partitions BETWEEN 1 AND 1024)
);

-- The next offset of each partition's log. Appenders lock every row (in partition order), so offsets are
-- dense, commit in order, and a batch id is claimed by one appender at a time.
CREATE TABLE engagement_log_head
(
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL DEFAULT 1,

    CONSTRAINT pk_engagement_log_head PRIMARY KEY (partition)
);

-- appended_at is the clock when the row is written, after the head rows are locked, so it never goes down
-- as offsets go up; readers use it to skip old segments.
CREATE TABLE engagement_log
(
    partition   integer     NOT NULL,
    log_offset  bigint      NOT NULL,
    appended_at timestamptz NOT NULL,
    events      integer     NOT NULL,
    payload     bytea       NOT NULL,

    CONSTRAINT pk_engagement_log PRIMARY KEY (partition, log_offset, appended_at)
) PARTITION BY RANGE (appended_at);

-- Batch ids accepted within the dedupe window, with the answer a repeat gets.
CREATE TABLE engagement_batch
(
    batch_id    text        NOT NULL,
    accepted_at timestamptz NOT NULL,
    accepted    integer     NOT NULL,
    rejected    jsonb,

    CONSTRAINT pk_engagement_batch PRIMARY KEY (batch_id, accepted_at)
) PARTITION BY RANGE (accepted_at);

-- Where each partition's projector is: what it applied (in the same commit as the counts), and up to
-- where every grain has been told.
CREATE TABLE engagement_checkpoint
(
    partition       integer     NOT NULL,
    applied_offset  bigint      NOT NULL DEFAULT 0,
    notified_offset bigint      NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT pk_engagement_checkpoint PRIMARY KEY (partition)
);

-- Projections. Counters are only ever added to, in place (fillfactor leaves room for HOT updates).
CREATE TABLE engagement_video
(
    video_id text   NOT NULL,
    views    bigint NOT NULL,
    likes    bigint NOT NULL,
    comments bigint NOT NULL,
    shares   bigint NOT NULL,

    CONSTRAINT pk_engagement_video PRIMARY KEY (video_id)
) WITH (fillfactor = 85);

-- A track's engagement per bucket of event time: width 1 (minute), 60 (hour) or 1440 (day), starting at
-- minute `bucket` since the epoch. part is the partition that wrote the row (-1: merged by a roll-up). Only
-- the primary key is indexed: every other index would be written on every insert; roll-ups scan.
CREATE TABLE engagement_track_bucket
(
    track_id text     NOT NULL,
    width    smallint NOT NULL,
    bucket   bigint   NOT NULL,
    part     smallint NOT NULL,
    views    bigint   NOT NULL,
    likes    bigint   NOT NULL,
    comments bigint   NOT NULL,
    shares   bigint   NOT NULL,
    uses     bigint   NOT NULL,

    CONSTRAINT pk_engagement_track_bucket PRIMARY KEY (track_id, width, bucket, part),
    CONSTRAINT ck_engagement_track_bucket_width CHECK (width IN (1, 60, 1440))
) WITH (fillfactor = 85);

-- A title's engagement per minute: on every matching video, and the part on videos linked to it.
CREATE TABLE engagement_title_minute
(
    title_id   text     NOT NULL,
    minute     bigint   NOT NULL,
    part       smallint NOT NULL,
    m_views    bigint   NOT NULL,
    m_likes    bigint   NOT NULL,
    m_comments bigint   NOT NULL,
    m_shares   bigint   NOT NULL,
    l_views    bigint   NOT NULL,
    l_likes    bigint   NOT NULL,
    l_comments bigint   NOT NULL,
    l_shares   bigint   NOT NULL,

    CONSTRAINT pk_engagement_title_minute PRIMARY KEY (title_id, minute, part)
) WITH (fillfactor = 85);

-- Each partition's bounded top lists of a title-day (list 0 videos, 1 creators, 2 hashtags); error is how
-- much a count may be overstated once the list has had to drop keys (Space-Saving).
CREATE TABLE engagement_title_top
(
    title_id text     NOT NULL,
    day      bigint   NOT NULL,
    part     smallint NOT NULL,
    list     smallint NOT NULL,
    key      text     NOT NULL,
    views    bigint   NOT NULL,
    likes    bigint   NOT NULL,
    comments bigint   NOT NULL,
    shares   bigint   NOT NULL,
    error    bigint   NOT NULL,

    CONSTRAINT pk_engagement_title_top PRIMARY KEY (title_id, day, part, list, key)
) WITH (fillfactor = 85);

-- Who follows which tracks' popularity, in which window. Changes bump engagement_registry.version while
-- every checkpoint row is locked, so a projector's commit sees the registry as it was when the commit began.
CREATE TABLE engagement_registry
(
    id      integer NOT NULL DEFAULT 1,
    version bigint  NOT NULL DEFAULT 0,

    CONSTRAINT pk_engagement_registry PRIMARY KEY (id),
    CONSTRAINT ck_engagement_registry_single CHECK (id = 1)
);

INSERT INTO engagement_registry (id, version) VALUES (1, 0);

CREATE TABLE engagement_follower
(
    follower  text        NOT NULL,
    opens_at  timestamptz,
    closes_at timestamptz,
    active    boolean     NOT NULL,
    version   bigint      NOT NULL,

    CONSTRAINT pk_engagement_follower PRIMARY KEY (follower)
);

CREATE TABLE engagement_follow
(
    follower text   NOT NULL,
    track_id text   NOT NULL,
    version  bigint NOT NULL,

    CONSTRAINT pk_engagement_follow PRIMARY KEY (follower, track_id)
);

CREATE INDEX ix_engagement_follow_track ON engagement_follow (track_id);
CREATE INDEX ix_engagement_follow_version ON engagement_follow (version);

-- Directories: what ingestion and projection need to know of videos and titles without asking a grain.
CREATE TABLE spotlight_video
(
    video_id          text   NOT NULL,
    track_id          text,
    creator_id        text   NOT NULL,
    creator_followers bigint NOT NULL,
    hashtags          text[] NOT NULL,
    caption           text   NOT NULL,
    visual_tags       text[] NOT NULL,
    anchor_link       text,

    CONSTRAINT pk_spotlight_video PRIMARY KEY (video_id)
);

-- Titles in the order they were registered (writers take a table lock, so seq commits in order).
CREATE TABLE spotlight_title
(
    title_id      text   NOT NULL,
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    hashtags      text[] NOT NULL,
    keywords      text[] NOT NULL,
    visual_tags   text[] NOT NULL,
    min_followers bigint NOT NULL,
    min_views     bigint NOT NULL,

    CONSTRAINT pk_spotlight_title PRIMARY KEY (title_id),
    CONSTRAINT uq_spotlight_title_seq UNIQUE (seq)
);
