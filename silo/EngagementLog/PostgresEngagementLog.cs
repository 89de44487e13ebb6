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

    /// <summary>Appends the batch whole to its partition, or reports it as a duplicate; one transaction.</summary>
    public async Task<AppendResult> AppendAsync(EngagementSlice slice, CancellationToken cancellationToken)
    {
        var partition = EngagementStreams.PartitionOf(slice.BatchId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The counter row lock orders appenders of a partition, so offsets commit in offset order.
        await using (var ensure = new NpgsqlCommand(
            "INSERT INTO engagement_partition (partition) VALUES (@partition) ON CONFLICT (partition) DO NOTHING", connection, transaction))
        {
            ensure.Parameters.AddWithValue("partition", partition);
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        long offset;
        await using (var next = new NpgsqlCommand(
            "UPDATE engagement_partition SET next_offset = next_offset + 1 WHERE partition = @partition RETURNING next_offset - 1", connection, transaction))
        {
            next.Parameters.AddWithValue("partition", partition);
            offset = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        }

        // A batch id seen before: roll back, so the offset taken above is not used (offsets stay dense).
        await using (var claim = new NpgsqlCommand("""
            INSERT INTO engagement_batch (batch_id, partition, log_offset, events)
            VALUES (@batch, @partition, @offset, @events)
            ON CONFLICT (batch_id) DO NOTHING
            """, connection, transaction))
        {
            claim.Parameters.AddWithValue("batch", slice.BatchId);
            claim.Parameters.AddWithValue("partition", partition);
            claim.Parameters.AddWithValue("offset", offset);
            claim.Parameters.AddWithValue("events", slice.Records.Count);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new AppendResult(Duplicate: true, partition, 0);
            }
        }

        await using (var append = new NpgsqlCommand(
            "INSERT INTO engagement_log (partition, log_offset, batch_id, payload) VALUES (@partition, @offset, @batch, @payload)", connection, transaction))
        {
            append.Parameters.AddWithValue("partition", partition);
            append.Parameters.AddWithValue("offset", offset);
            append.Parameters.AddWithValue("batch", slice.BatchId);
            append.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(slice.Records, Json));
            await append.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AppendResult(Duplicate: false, partition, offset);
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
