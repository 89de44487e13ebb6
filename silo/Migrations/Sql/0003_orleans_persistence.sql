-- 0003: grain state for Orleans.Persistence.AdoNet (AdoNetGrainStorage, 10.4.2).
--
-- Identity of a stored state
--   Orleans splits a grain id into (N0, N1, extension string): a Guid key fills N0/N1,
--   an integer key is N1 (N0 = 0), a string key is the extension string with N0 = N1 = 0;
--   a key extension ("compound key") is the extension string. Together with the
--   grain type (generic arguments normalised by Orleans) and the ServiceId this is the
--   identity. Orleans also sends two 32-bit hashes (of the grain id and of the grain
--   type) that exist only to make lookups cheap: they lead the index, but every query
--   still compares the full identity, so a hash collision can never mix two grains.
--
-- Optimistic concurrency
--   `version` is the grain's ETag. A write/clear must present the version it last read
--   (@GrainStateVersion); the first write of a grain presents NULL. Success returns the
--   new version; failure returns one row holding NULL, which Orleans turns into an
--   InconsistentStateException. A cleared state keeps its row (payload NULL) and its
--   version, so the grain's next write presents that version.

-- Next ETag after `v`; wraps to 1 instead of overflowing integer (only equality matters).
CREATE FUNCTION orleans_grain_state_next_version(v integer)
    RETURNS integer
    LANGUAGE sql
    IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN v >= 2147483647 THEN 1 ELSE v + 1 END;

CREATE TABLE orleans_grain_state
(
    grain_id_hash      integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_extension text        NULL,
    service_id         text        NOT NULL,
    payload            bytea       NULL,      -- NULL once the state has been cleared
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT ck_orleans_grain_state_version_positive CHECK (version > 0)
);

COMMENT ON TABLE orleans_grain_state IS
    'Orleans grain state (AdoNetGrainStorage): one row per service/grain type/grain id, version = ETag.';

-- One row per identity. The long strings are folded through md5() so that no
-- grain type or key length can overflow a btree entry; NULLS NOT DISTINCT (PG 15)
-- makes "no extension" a single value. Lookups use the leading hash/key columns.
CREATE UNIQUE INDEX ux_orleans_grain_state_identity
    ON orleans_grain_state (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
                            md5(service_id), md5(grain_type), md5(grain_id_extension))
    NULLS NOT DISTINCT;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
-- Read. Zero rows = never written (Orleans: ETag NULL, RecordExists false).
-- A row with NULL "PayloadBinary" = cleared (ETag = version, RecordExists false).
('ReadFromStorageKey', $sql$
SELECT s.payload AS "PayloadBinary",
       s.version AS "Version"
  FROM orleans_grain_state AS s
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_type = @GrainTypeString
   AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND s.service_id = @ServiceId;
$sql$),

-- Write. Either updates the row whose version equals @GrainStateVersion, or (when
-- @GrainStateVersion is NULL) creates the row with version 1 provided none exists.
-- Always exactly one result row: "NewGrainStateVersion" = new ETag, or NULL on a
-- version conflict (stale ETag, or NULL ETag while a row already exists).
('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE orleans_grain_state AS s
       SET payload     = @PayloadBinary,
           version     = orleans_grain_state_next_version(s.version),
           modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.service_id = @ServiceId
       AND s.version = @GrainStateVersion
    RETURNING s.version
),
inserted AS (
    INSERT INTO orleans_grain_state
           (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type,
            grain_id_extension, service_id, payload, version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
       AND NOT EXISTS (
             SELECT 1
               FROM orleans_grain_state AS s
              WHERE s.grain_id_hash = @GrainIdHash
                AND s.grain_type_hash = @GrainTypeHash
                AND s.grain_id_n0 = @GrainIdN0
                AND s.grain_id_n1 = @GrainIdN1
                AND s.grain_type = @GrainTypeString
                AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
                AND s.service_id = @ServiceId)
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT COALESCE((SELECT version FROM updated),
                (SELECT version FROM inserted)) AS "NewGrainStateVersion";
$sql$),

-- Clear (DeleteStateOnClear = false): drop the payload, keep the row, bump the version.
-- One result row; Orleans reads column 0: new ETag, or NULL on a version conflict.
('ClearStorageKey', $sql$
WITH cleared AS (
    UPDATE orleans_grain_state AS s
       SET payload     = NULL,
           version     = orleans_grain_state_next_version(s.version),
           modified_at = now()
     WHERE s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.service_id = @ServiceId
       AND s.version = @GrainStateVersion
    RETURNING s.version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion";
$sql$),

-- Clear (DeleteStateOnClear = true): delete the row outright. Orleans still checks
-- column 0 of the single result row: it must be non-NULL and differ from the ETag
-- presented, so success reports the version that follows the deleted one; a version
-- conflict reports NULL. (Orleans then forgets the ETag; the next write inserts.)
('DeleteStorageKey', $sql$
WITH removed AS (
    DELETE FROM orleans_grain_state AS s
     WHERE s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.service_id = @ServiceId
       AND s.version = @GrainStateVersion
    RETURNING s.version
)
SELECT (SELECT orleans_grain_state_next_version(version) FROM removed) AS "NewGrainStateVersion";
$sql$);
