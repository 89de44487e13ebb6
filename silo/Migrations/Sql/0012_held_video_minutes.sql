-- 0012: a partition may hold its videos' per-minute engagement for a while before writing it.
--
-- Measured under load (docs/benchmarks.md): one video-minute row per video and delivery was the costliest
-- statement of a delivery commit. A store now keeps them in memory and writes them every
-- Spotlight:Engagement:VideoMinuteWriteInterval, so a busy video's minute is one row per interval.
-- minutes_offset is the log offset up to which they are written; what lies between it and applied_offset is
-- read again from the log after a restart, so the log is pruned only below both.

ALTER TABLE engagement_checkpoint ADD COLUMN minutes_offset bigint NOT NULL DEFAULT 0;

-- Until now every commit wrote them.
UPDATE engagement_checkpoint SET minutes_offset = applied_offset;
