using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement;

namespace Spotlight.Silo.EngagementLog;

/// <summary>
/// The durable engagement log on PostgreSQL (schema: migration 0005). <see cref="AppendAsync"/> is what a
/// 202 stands on in postgres mode: when it returns, the batch is committed exactly once.
/// </summary>
public sealed class PostgresEngagementLog(NpgsqlDataSource dataSource) : IEngagementLogAppender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One statement, so one round trip and one implicit transaction. The partition's counter row lock
    // orders appenders, so offsets commit in offset order. A batch id committed before matches NOT EXISTS
    // and nothing happens (no row returned, no offset taken); one committed by a concurrent appender while
    // this statement waited for the row lock violates engagement_batch's key instead, which aborts the
    // whole statement, the offset increment included, so offsets stay dense either way.
    private const string AppendSql = """
        WITH next AS (
            UPDATE engagement_partition SET next_offset = next_offset + 1
             WHERE partition = @partition
               AND NOT EXISTS (SELECT 1 FROM engagement_batch WHERE batch_id = @batch)
            RETURNING next_offset - 1 AS log_offset),
        claim AS (
            INSERT INTO engagement_batch (batch_id, partition, log_offset, events)
            SELECT @batch, @partition, log_offset, @events FROM next
            RETURNING log_offset)
        INSERT INTO engagement_log (partition, log_offset, batch_id, payload)
        SELECT @partition, log_offset, @batch, @payload FROM claim
        RETURNING log_offset
        """;

    private readonly bool[] _partitionKnown = new bool[EngagementStreams.Partitions];

    /// <summary>Appends the batch whole to its partition, or reports it as a duplicate; one transaction.</summary>
    public async Task<AppendResult> AppendAsync(EngagementSlice slice, CancellationToken cancellationToken)
    {
        var partition = EngagementStreams.PartitionOf(slice.BatchId);
        await EnsurePartitionAsync(partition, cancellationToken);
        await using var append = dataSource.CreateCommand(AppendSql);
        append.Parameters.AddWithValue("partition", partition);
        append.Parameters.AddWithValue("batch", slice.BatchId);
        append.Parameters.AddWithValue("events", slice.Records.Count);
        append.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(slice.Records, Json));
        try
        {
            return await append.ExecuteScalarAsync(cancellationToken) is long offset
                ? new AppendResult(Duplicate: false, partition, offset)
                : new AppendResult(Duplicate: true, partition, 0);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "pk_engagement_batch")
        {
            return new AppendResult(Duplicate: true, partition, 0);
        }
    }

    /// <summary>Creates the partition's counter row the first time this process appends to it (the append
    /// statement cannot tell a missing row from a duplicate).</summary>
    private async Task EnsurePartitionAsync(int partition, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _partitionKnown[partition]))
        {
            return;
        }

        await using var ensure = dataSource.CreateCommand(
            "INSERT INTO engagement_partition (partition) VALUES (@partition) ON CONFLICT (partition) DO NOTHING");
        ensure.Parameters.AddWithValue("partition", partition);
        await ensure.ExecuteNonQueryAsync(cancellationToken);
        Volatile.Write(ref _partitionKnown[partition], true);
    }

    async Task<bool> IEngagementLogAppender.AppendAsync(EngagementSlice slice, CancellationToken cancellationToken) =>
        (await AppendAsync(slice, cancellationToken)).Duplicate;

    /// <summary>The offset up to which <paramref name="consumer"/> has handled the partition (0: nothing yet).</summary>
    public async Task<long> ReadCheckpointAsync(int partition, string consumer, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT log_offset FROM engagement_checkpoint WHERE partition = @partition AND consumer = @consumer");
        command.Parameters.AddWithValue("partition", partition);
        command.Parameters.AddWithValue("consumer", consumer);
        return await command.ExecuteScalarAsync(cancellationToken) is long offset ? offset : 0;
    }

    /// <summary>Moves the checkpoint forward only (a late, lower report never moves it back).</summary>
    public async Task AdvanceCheckpointAsync(int partition, string consumer, long offset, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO engagement_checkpoint (partition, consumer, log_offset) VALUES (@partition, @consumer, @offset)
            ON CONFLICT (partition, consumer) DO UPDATE
               SET log_offset = GREATEST(engagement_checkpoint.log_offset, EXCLUDED.log_offset), updated_at = now()
            """);
        command.Parameters.AddWithValue("partition", partition);
        command.Parameters.AddWithValue("consumer", consumer);
        command.Parameters.AddWithValue("offset", offset);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="max"/> slices of a partition after <paramref name="afterOffset"/>, in order.</summary>
    public async Task<IReadOnlyList<LoggedSlice>> ReadAsync(int partition, long afterOffset, int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT log_offset, batch_id, payload FROM engagement_log WHERE partition = @partition AND log_offset > @after ORDER BY log_offset LIMIT @max");
        command.Parameters.AddWithValue("partition", partition);
        command.Parameters.AddWithValue("after", afterOffset);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var slices = new List<LoggedSlice>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var records = JsonSerializer.Deserialize<List<EngagementRecord>>(reader.GetString(2), Json) ?? [];
            slices.Add(new LoggedSlice(partition, reader.GetInt64(0), new EngagementSlice(reader.GetString(1), records)));
        }

        return slices;
    }
}
