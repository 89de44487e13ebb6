using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Spotlight.Domain;
using Spotlight.Silo.Engagement.Shards;

namespace Spotlight.Silo.Engagement;

/// <summary>
/// Before a postgres-mode silo joins, in each engagement database: records the partition count and which shard the
/// database is the first time, and refuses to start with another (a video's counters have one writer, its
/// partition's projector, so neither can change under running data); makes sure every partition of the shard
/// has its log head and checkpoint row (and no other partition has), and the log's current segments exist.
/// </summary>
public sealed class EngagementLayout(NpgsqlDataSource db, PostgresEngagementLog log, IOptions<EngagementOptions> options, EngagementShardIdentity? shard = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var partitions = options.Value.Partitions;
        var identity = shard ?? EngagementShardIdentity.Whole(partitions);
        await using var command = db.CreateCommand("""
            INSERT INTO engagement_layout (id, partitions, shard, shard_index) VALUES (1, @partitions, @shard, @index)
            ON CONFLICT (id) DO UPDATE SET shard = EXCLUDED.shard, shard_index = EXCLUDED.shard_index WHERE engagement_layout.shard IS NULL;
            INSERT INTO engagement_log_head (partition) SELECT unnest(@owned) ON CONFLICT DO NOTHING;
            INSERT INTO engagement_checkpoint (partition) SELECT unnest(@owned) ON CONFLICT DO NOTHING;
            SELECT partitions, shard FROM engagement_layout;
            """);
        command.Parameters.AddWithValue("partitions", partitions);
        command.Parameters.AddWithValue("shard", identity.Name);
        command.Parameters.AddWithValue("index", (short)identity.Index);
        command.Parameters.AddWithValue("owned", identity.Partitions.ToArray());
        int recorded;
        string recordedShard;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (recorded, recordedShard) = (reader.GetInt32(0), reader.GetString(1));
        }

        if (recorded != partitions)
        {
            throw new OptionsValidationException(EngagementOptions.SectionName, typeof(EngagementOptions),
                [$"Spotlight:Engagement:Partitions is {partitions}, but this database's engagement log has {recorded} partitions; it cannot change under running data (docs/operations.md \"Engagement settings\")."]);
        }

        if (recordedShard != identity.Name)
        {
            throw new OptionsValidationException("Spotlight:Postgres:EngagementShards", typeof(EngagementShardIdentity),
                [$"The database given for engagement shard '{identity.Name}' is engagement shard '{recordedShard}'; a shard's connection string must keep pointing at its own database (docs/operations.md \"Engagement shards\")."]);
        }

        var now = DateTimeOffset.UtcNow;
        await log.Entries.EnsureAsync(now, now + (2 * log.Entries.Length), cancellationToken);
        await log.Claims.EnsureAsync(now, now + log.Claims.Length, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
