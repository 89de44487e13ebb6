using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Spotlight.Silo.Engagement.Shards;

/// <summary>
/// Before a postgres-mode silo joins: records the partition → shard map in the main database the first time and
/// refuses to start when the configured list maps any partition elsewhere (a partition's data would silently
/// stay behind on the database it left). Moving partitions is the procedure in docs/operations.md, which
/// changes this record on purpose.
/// </summary>
public sealed class EngagementShardMapCheck(string mainConnectionString, EngagementShardMap map) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var recorded = await RecordAsync(mainConnectionString, map, cancellationToken);
        var differences = map.DifferencesFrom(recorded);
        if (differences.Count > 0)
        {
            throw new OptionsValidationException("Spotlight:Postgres:EngagementShards", typeof(EngagementShardMap),
                [$"Spotlight:Postgres:EngagementShards does not match the shard map recorded in the main database: {string.Join("; ", differences.Take(5))}{(differences.Count > 5 ? $"; and {differences.Count - 5} more" : "")}. Partitions move only by the procedure in docs/operations.md \"Engagement shards\"."]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Records <paramref name="map"/> unless a map is recorded already; answers the recorded one.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> RecordAsync(string connectionString, EngagementShardMap map, CancellationToken cancellationToken)
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

        var recorded = new Dictionary<int, string>();
        await using (var read = new NpgsqlCommand("SELECT partition, shard FROM engagement_shard_map", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                recorded[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }
}
