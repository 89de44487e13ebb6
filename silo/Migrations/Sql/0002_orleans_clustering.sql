-- 0002: cluster membership for Orleans.Clustering.AdoNet (10.4.2).
--
-- Model
--   * orleans_membership_version: one row per cluster ("DeploymentId" in Orleans'
--     parameter names is the ClusterId). Its integer `version` is the table-wide
--     optimistic-concurrency token: Orleans hands it back as the ETag of every row and
--     of the table, and every membership change (insert / update of a silo row) must
--     present the version it read and bumps it by one in the same statement.
--   * orleans_membership: one row per silo incarnation (address, port, generation).
--
-- Conventions of the query texts below
--   * Parameters are Npgsql named parameters (@Name) with the exact names Orleans binds.
--     All DateTime parameters arrive as DbType.DateTime with Kind=Utc, which Npgsql sends
--     as timestamptz; hence every time column is timestamptz (no session TimeZone is
--     ever involved in a conversion).
--   * Result columns are aliased to the exact (quoted) names Orleans reads.
--   * Status values are Orleans' SiloStatus numbers: 3 = Active, 6 = Dead.

CREATE TABLE orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT pk_orleans_membership_version PRIMARY KEY (deployment_id),
    CONSTRAINT ck_orleans_membership_version_non_negative CHECK (version >= 0)
);

COMMENT ON TABLE orleans_membership_version IS
    'Orleans membership: per-cluster table version (the ETag of the whole membership table).';

CREATE TABLE orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    -- "silo,date|silo,date|..." exactly as Orleans serialises its suspicion votes;
    -- NULL = no votes (an empty string from Orleans is stored as NULL).
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,

    CONSTRAINT pk_orleans_membership PRIMARY KEY (deployment_id, address, port, generation),
    -- Deleting a cluster's version row (DeleteMembershipTableEntriesKey) removes its silos too.
    CONSTRAINT fk_orleans_membership_version FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

COMMENT ON TABLE orleans_membership IS
    'Orleans membership: one row per silo incarnation (address, port, generation) of a cluster.';

-- Gateway discovery (clients poll it) filters by cluster and status.
CREATE INDEX ix_orleans_membership_gateways
    ON orleans_membership (deployment_id, status);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
-- Create the cluster's version row if it is missing.
-- Result: one row, one boolean column: true when this call created it.
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING deployment_id
)
SELECT EXISTS (SELECT 1 FROM created) AS "Created";
$sql$),

-- Add a silo row, conditional on the table version the caller read (@Version).
-- The version bump and the insert succeed or fail together: the bump only happens
-- when the version still matches AND the silo row does not exist yet, and the insert
-- only happens when the bump did. Concurrent writers serialise on the version row
-- lock; a loser re-evaluates `version = @Version`, finds it changed and does nothing.
-- Result: one row, one boolean column: false = ETag mismatch or row already present.
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
       SET version    = v.version + 1,
           updated_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND NOT EXISTS (
             SELECT 1
               FROM orleans_membership AS m
              WHERE m.deployment_id = @DeploymentId
                AND m.address = @Address
                AND m.port = @Port
                AND m.generation = @Generation)
    RETURNING v.deployment_id
),
inserted AS (
    INSERT INTO orleans_membership
           (deployment_id, address, port, generation, silo_name, host_name,
            status, proxy_port, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped AS b
    ON CONFLICT ON CONSTRAINT pk_orleans_membership DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted";
$sql$),

-- Change a silo row (status, suspicion votes, liveness), conditional on @Version.
-- Result: one row, one boolean column: false = ETag mismatch or no such silo row.
('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
       SET version    = v.version + 1,
           updated_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND EXISTS (
             SELECT 1
               FROM orleans_membership AS m
              WHERE m.deployment_id = @DeploymentId
                AND m.address = @Address
                AND m.port = @Port
                AND m.generation = @Generation)
    RETURNING v.deployment_id
),
changed AS (
    UPDATE orleans_membership AS m
       SET status          = @Status,
           suspect_times   = NULLIF(@SuspectTimes, ''),
           i_am_alive_time = @IAmAliveTime
      FROM bumped AS b
     WHERE m.deployment_id = b.deployment_id
       AND m.address = @Address
       AND m.port = @Port
       AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed) AS "Updated";
$sql$),

-- Liveness heartbeat. Deliberately NOT versioned: it must never conflict with, nor
-- invalidate the ETag of, concurrent membership changes. No result is read.
('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation;
$sql$),

-- One silo row plus the table version.
-- Orleans requires at least one result row carrying "Version" (it reads row 0 for the
-- table ETag), so the version row drives the query and the silo is LEFT JOINed: a row
-- whose "StartTime" is NULL means "table exists, no such silo".
('MembershipReadRowKey', $sql$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId;
$sql$),

-- Every silo row plus the table version (same shape and empty-table rule as above).
('MembershipReadAllKey', $sql$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId;
$sql$),

-- Gateways for clients: silos in status @Status (Orleans passes 3 = Active) that
-- expose a gateway (proxy) port. Orleans builds the URI from Address:ProxyPort:Generation.
('GatewaysQueryKey', $sql$
SELECT m.address    AS "Address",
       m.proxy_port AS "ProxyPort",
       m.generation AS "Generation"
  FROM orleans_membership AS m
 WHERE m.deployment_id = @DeploymentId
   AND m.status = @Status
   AND m.proxy_port > 0;
$sql$),

-- Drop a whole cluster: the version row; its silo rows follow by ON DELETE CASCADE.
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId;
$sql$),

-- Bulk clean-up of defunct silos (only used by Orleans when the optional
-- CleanupDefunctSiloEntryKey below is absent). @IAmAliveTime is the cut-off.
-- Only Dead rows whose start and last heartbeat both predate the cut-off go.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND start_time < @IAmAliveTime
   AND i_am_alive_time < @IAmAliveTime;
$sql$),

-- Optional key (new in 10.x). Orleans reads all rows, picks the Dead ones older than
-- its cut-off itself, and deletes each one only if it is unchanged since that read:
-- same incarnation, still Dead, same start/heartbeat times and same suspicion votes.
-- No result is read; no table version bump (removing a dead row changes no live view).
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND suspect_times IS NOT DISTINCT FROM NULLIF(@SuspectTimes, '');
$sql$);
