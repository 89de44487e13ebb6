using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Spotlight.Silo.Engagement.Shards;

/// <summary>
/// Before a postgres-mode silo joins: records the partition → shard map in the main database the first time, and
/// from then on takes the recorded one, refusing to start when the configured list cannot hold it (a shard that
/// holds partitions left out: its data would silently stay behind). While the silo runs it reads the record again
/// every <see cref="RefreshInterval"/>, so that a partition moved by <see cref="EngagementPartitionMove"/> is
/// followed: its batches, deliveries and reads go to its new shard.
/// </summary>
public sealed class EngagementShardMapCheck(string mainConnectionString, EngagementShardMap map, ILogger<EngagementShardMapCheck>? logger = null) : IHostedService, IAsyncDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private Task _refresh = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (recorded, moving) = await RecordAsync(mainConnectionString, map, cancellationToken);
        var problems = map.Adopt(recorded, moving);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("Spotlight:Postgres:EngagementShards", typeof(EngagementShardMap),
                [$"Spotlight:Postgres:EngagementShards does not match the shard map recorded in the main database: {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? $"; and {problems.Count - 5} more" : "")}. A shard that holds partitions stays in the list; partitions move only by the procedure in docs/operations.md \"Engagement shards\"."]);
        }

        if (map.ShardCount > 1)
        {
            _refresh = Task.Run(RefreshLoopAsync, CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _refresh;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stop.Dispose();
    }

    /// <summary>Records <paramref name="map"/> unless a map is recorded already; answers the recorded one.</summary>
    public static async Task<(Dictionary<int, string> Shards, HashSet<int> Moving)> RecordAsync(string connectionString, EngagementShardMap map, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Silos starting together with different lists must not each record half of theirs.
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE engagement_shard_map IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(cancellationToken);
        }

        var rows = map.Rows();
        await using (var record = new NpgsqlCommand("""
            INSERT INTO engagement_shard_map (partition, shard)
            SELECT p, s FROM unnest(@partitions, @shards) AS x(p, s)
             WHERE NOT EXISTS (SELECT 1 FROM engagement_shard_map)
            """, connection, transaction))
        {
            record.Parameters.AddWithValue("partitions", rows.Keys.ToArray());
            record.Parameters.AddWithValue("shards", rows.Keys.Select(p => rows[p]).ToArray());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        var recorded = await ReadAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    /// <summary>The recorded map, and the partitions marked as moving.</summary>
    public static async Task<(Dictionary<int, string> Shards, HashSet<int> Moving)> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var (recorded, moving) = (new Dictionary<int, string>(), new HashSet<int>());
        await using var read = new NpgsqlCommand("SELECT partition, shard, moving FROM engagement_shard_map", connection, transaction);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recorded[reader.GetInt32(0)] = reader.GetString(1);
            if (reader.GetBoolean(2))
            {
                moving.Add(reader.GetInt32(0));
            }
        }

        return (recorded, moving);
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(mainConnectionString);
                    await connection.OpenAsync(_stop.Token);
                    var (recorded, moving) = await ReadAsync(connection, null, _stop.Token);
                    var problems = map.Adopt(recorded, moving);
                    if (problems.Count > 0)
                    {
                        logger?.LogError("The recorded engagement shard map names a shard this silo's list does not; it keeps the map it has: {Problems}", string.Join("; ", problems));
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    logger?.LogWarning("Reading the engagement shard map failed; it is read again in {Interval}: {Error}", RefreshInterval, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
