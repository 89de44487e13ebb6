-- 0004: reminders for Orleans.Reminders.AdoNet (AdoNetReminderTable, 10.4.2).
--
-- One row per (service, grain, reminder name). `version` is the reminder's ETag:
-- every upsert bumps it and returns it; a delete must present the current one.
--
-- 10.x notes
--   * Period is stored in milliseconds as bigint: Orleans binds it as int when it fits
--     and as bigint when it does not (periods longer than ~24.8 days), and reads it
--     back as a 64-bit value.
--   * The 10.4.2 reminder entry is still (grain id, name, start, period, etag); the
--     provider binds and reads no further reminder columns.
--   * grain_hash is Orleans' uniform hash of the grain id, a uint32 reinterpreted as a
--     signed int32; the reminder service asks for ring ranges over it.

CREATE TABLE orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,   -- GrainId.ToString(), parsed back by Orleans
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT pk_orleans_reminder PRIMARY KEY (service_id, grain_id, reminder_name),
    CONSTRAINT ck_orleans_reminder_period_non_negative CHECK (period_ms >= 0)
);

COMMENT ON TABLE orleans_reminder IS
    'Orleans reminders (AdoNetReminderTable): one row per service/grain/reminder name, version = ETag.';

-- Ring-range scans by the reminder service of each silo.
CREATE INDEX ix_orleans_reminder_ring
    ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
-- Insert or replace a reminder. Result: one row, "Version" = the new ETag.
('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminder AS r
       (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT ON CONSTRAINT pk_orleans_reminder DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period_ms  = EXCLUDED.period_ms,
       grain_hash = EXCLUDED.grain_hash,
       version    = CASE WHEN r.version >= 2147483647 THEN 1 ELSE r.version + 1 END,
       updated_at = now()
RETURNING r.version AS "Version";
$sql$),

-- All reminders of one grain.
('ReadReminderRowsKey', $sql$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder AS r
 WHERE r.service_id = @ServiceId
   AND r.grain_id = @GrainId;
$sql$),

-- One reminder. Zero rows = no such reminder (Orleans returns null).
('ReadReminderRowKey', $sql$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder AS r
 WHERE r.service_id = @ServiceId
   AND r.grain_id = @GrainId
   AND r.reminder_name = @ReminderName;
$sql$),

-- Ring range (BeginHash, EndHash] that does not wrap in signed order
-- (Orleans picks this key when (int)begin < (int)end).
('ReadRangeRows1Key', $sql$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder AS r
 WHERE r.service_id = @ServiceId
   AND r.grain_hash > @BeginHash
   AND r.grain_hash <= @EndHash;
$sql$),

-- Ring range that wraps past the top of the signed range (also the whole ring when
-- BeginHash = EndHash): everything above BeginHash plus everything up to EndHash.
('ReadRangeRows2Key', $sql$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder AS r
 WHERE r.service_id = @ServiceId
   AND (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash);
$sql$),

-- Delete one reminder if its ETag still matches.
-- Result: one row, one boolean column: false = gone already or ETag mismatch.
('DeleteReminderRowKey', $sql$
WITH removed AS (
    DELETE FROM orleans_reminder AS r
     WHERE r.service_id = @ServiceId
       AND r.grain_id = @GrainId
       AND r.reminder_name = @ReminderName
       AND r.version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS "Deleted";
$sql$),

-- Delete every reminder of the service (Orleans uses it for test clean-up).
('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminder
 WHERE service_id = @ServiceId;
$sql$);
