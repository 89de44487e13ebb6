-- 0013: only videos of a track that names a season keep per-minute engagement.
--
-- Rounds' flags and exclusions read a video's minutes only when its track is a round's entry, and only a
-- track that names a season can be one; a track's season is fixed when it is submitted. Measured under load
-- (docs/benchmarks.md), writing every other video's minutes was the largest cost of flag evaluation.
-- Ingestion takes the answer from the directory and writes it into each log entry.

-- Videos registered before this did not ask their track: they keep their minutes, as they did.
ALTER TABLE spotlight_video ADD COLUMN track_in_season boolean NOT NULL DEFAULT true;
