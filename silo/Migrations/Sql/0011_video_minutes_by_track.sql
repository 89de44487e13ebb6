-- 0011: video minutes keyed the way they are read, so each delivery commit maintains one index instead of three.
--
-- Measured under load (pg_stat_statements, docs/benchmarks.md): the video-minute upsert was the costliest
-- statement of a delivery commit, mostly for its three indexes on every new (video, minute) row. Every reader
-- knows the track: flags read a round's tracks over its window, and an exclusion names its video's track (a
-- video has one track). Maintenance trims by minute through a BRIN index, which costs almost nothing to keep
-- because rows arrive in roughly minute order.

ALTER TABLE engagement_exclusion ADD COLUMN track_id text;

UPDATE engagement_exclusion e
   SET track_id = v.track_id
  FROM spotlight_video v
 WHERE v.video_id = e.video_id;

-- Ingestion takes a video's track from the same directory, so a video missing there has no minutes: its
-- exclusion excludes nothing.
DELETE FROM engagement_exclusion WHERE track_id IS NULL;

ALTER TABLE engagement_exclusion ALTER COLUMN track_id SET NOT NULL;

DROP INDEX ix_engagement_video_minute_track;
DROP INDEX ix_engagement_video_minute_minute;
ALTER TABLE engagement_video_minute DROP CONSTRAINT pk_engagement_video_minute;
ALTER TABLE engagement_video_minute DROP COLUMN part;
ALTER TABLE engagement_video_minute ADD CONSTRAINT pk_engagement_video_minute PRIMARY KEY (track_id, minute, video_id);
CREATE INDEX ix_engagement_video_minute_minute ON engagement_video_minute USING brin (minute);
