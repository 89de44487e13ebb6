-- 0010: what rounds' reviewers look at and decide: each video's engagement per minute, and exclusions.
--
-- engagement_video_minute holds, per video of a track and minute of event time, what the delivery commits
-- add to the track's buckets (uses included). A video belongs to one partition, so its rows have one writer.
-- Maintenance keeps a minute while an event can still reach it, and after that while a round's window holds
-- it: flags are computed from these rows and exclusions take them off a round's points.
--
-- An exclusion is added while every checkpoint row is locked and bumps engagement_registry.version (as a
-- follow does), so each commit either was counted before it (the exclusion takes its rows off) or sees it
-- (and leaves the excluded minutes out of the round's points). Overlapping exclusions exclude a minute once.

CREATE TABLE engagement_video_minute
(
    video_id  text     NOT NULL,
    minute    bigint   NOT NULL,
    track_id  text     NOT NULL,
    part      smallint NOT NULL,
    views     bigint   NOT NULL,
    likes     bigint   NOT NULL,
    comments  bigint   NOT NULL,
    shares    bigint   NOT NULL,
    uses      bigint   NOT NULL,

    CONSTRAINT pk_engagement_video_minute PRIMARY KEY (video_id, minute)
);

-- Flags read a round's tracks' videos over its window.
CREATE INDEX ix_engagement_video_minute_track ON engagement_video_minute (track_id, minute);

-- Maintenance drops old minutes.
CREATE INDEX ix_engagement_video_minute_minute ON engagement_video_minute (minute);

CREATE TABLE engagement_exclusion
(
    follower     text   NOT NULL,
    video_id     text   NOT NULL,
    first_minute bigint NOT NULL,
    end_minute   bigint NOT NULL,
    version      bigint NOT NULL,

    CONSTRAINT pk_engagement_exclusion PRIMARY KEY (follower, video_id, first_minute, end_minute),
    CONSTRAINT ck_engagement_exclusion_range CHECK (first_minute < end_minute)
);

CREATE INDEX ix_engagement_exclusion_version ON engagement_exclusion (version);
