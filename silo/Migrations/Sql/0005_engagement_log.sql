-- 0005: the durable engagement log (postgres mode).
--
-- An accepted batch is appended whole to one partition in the same transaction that records its batch id,
-- so "acknowledged" and "durable, exactly once" are one commit: a repeated batch id finds its row and
-- appends nothing. Offsets are dense and strictly increasing per partition: appenders take the
-- partition's counter row lock, so offsets also commit in order, and a reader that asks for everything
-- after its checkpoint can never miss a lower offset that commits later.

CREATE TABLE engagement_partition
(
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL DEFAULT 1,

    CONSTRAINT pk_engagement_partition PRIMARY KEY (partition),
    CONSTRAINT ck_engagement_partition_offset CHECK (next_offset >= 1)
);

-- Partitions are created on first use, so the partition count is a setting, not part of the schema.

CREATE TABLE engagement_batch
(
    batch_id    text        NOT NULL,
    partition   integer     NOT NULL,
    log_offset  bigint      NOT NULL,
    events      integer     NOT NULL,
    accepted_at timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT pk_engagement_batch PRIMARY KEY (batch_id)
);

CREATE TABLE engagement_log
(
    partition   integer     NOT NULL,
    log_offset  bigint      NOT NULL,
    batch_id    text        NOT NULL,
    payload     jsonb       NOT NULL,
    appended_at timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT pk_engagement_log PRIMARY KEY (partition, log_offset)
);

-- Where each consumer of a partition has got to (its records at or below are applied).
CREATE TABLE engagement_checkpoint
(
    partition   integer     NOT NULL,
    consumer    text        NOT NULL,
    log_offset  bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT pk_engagement_checkpoint PRIMARY KEY (partition, consumer)
);
