-- 0009: studios' trend alerts, counted by the engagement commits.
--
-- Video-breakout counts a video's views per window length and window once, for every title and rule that
-- watches it: a video belongs to one partition, so its rows have one writer, and its breakouts are decided and
-- recorded inside the commit that counts them.
--
-- A rule is added while every checkpoint row is locked and bumps engagement_registry.alert_version, so a
-- projector's commit counts exactly the rules that existed when it began (as with follows). Each commit adds
-- its partition's part of every rule window it touched (a row per partition: projectors never wait for each
-- other); after committing, the projector evaluates those windows against the sum over partitions and
-- records the ones that fire. The last of concurrent commits to evaluate sees every part, and a window fires
-- at most once (its primary key), so each fires exactly once. A projector that dies before evaluating finds
-- its keys again by last_offset.

ALTER TABLE engagement_registry ADD COLUMN alert_version bigint NOT NULL DEFAULT 0;

CREATE TABLE engagement_alert_rule
(
    title_id       text        NOT NULL,
    rule_id        text        NOT NULL,
    kind           smallint    NOT NULL,
    threshold      bigint      NOT NULL,
    window_minutes integer     NOT NULL,
    factor         numeric     NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    version        bigint      NOT NULL,

    CONSTRAINT pk_engagement_alert_rule PRIMARY KEY (title_id, rule_id),
    CONSTRAINT ck_engagement_alert_rule_window CHECK (window_minutes BETWEEN 1 AND 1440 AND 1440 % window_minutes = 0)
);

CREATE INDEX ix_engagement_alert_rule_version ON engagement_alert_rule (version);

-- window_end (minutes from the epoch) lets maintenance drop windows no event can reach any more.
CREATE TABLE engagement_alert_count
(
    title_id     text     NOT NULL,
    rule_id      text     NOT NULL,
    window_index bigint   NOT NULL,
    subject      text     NOT NULL,
    part         smallint NOT NULL,
    count        bigint   NOT NULL,
    last_offset  bigint   NOT NULL,
    window_end   bigint   NOT NULL,

    CONSTRAINT pk_engagement_alert_count PRIMARY KEY (title_id, rule_id, window_index, subject, part)
);

CREATE INDEX ix_engagement_alert_count_changed ON engagement_alert_count (part, last_offset);
CREATE INDEX ix_engagement_alert_count_end ON engagement_alert_count (window_end);

CREATE TABLE engagement_alert_video_count
(
    video_id       text    NOT NULL,
    window_minutes integer NOT NULL,
    window_index   bigint  NOT NULL,
    views          bigint  NOT NULL,
    window_end     bigint  NOT NULL,

    CONSTRAINT pk_engagement_alert_video_count PRIMARY KEY (video_id, window_minutes, window_index)
);

CREATE INDEX ix_engagement_alert_video_count_end ON engagement_alert_video_count (window_end);

CREATE TABLE engagement_alert_fired
(
    sequence       bigint GENERATED ALWAYS AS IDENTITY,
    title_id       text        NOT NULL,
    rule_id        text        NOT NULL,
    window_index   bigint      NOT NULL,
    kind           smallint    NOT NULL,
    window_start   timestamptz NOT NULL,
    window_minutes integer     NOT NULL,
    subject        text,
    figure         bigint      NOT NULL,
    fired_at       timestamptz NOT NULL,

    CONSTRAINT pk_engagement_alert_fired PRIMARY KEY (title_id, rule_id, window_index)
);

CREATE INDEX ix_engagement_alert_fired_title ON engagement_alert_fired (title_id, sequence);
CREATE INDEX ix_engagement_alert_fired_at ON engagement_alert_fired (fired_at);
