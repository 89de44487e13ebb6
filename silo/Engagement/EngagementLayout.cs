using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Spotlight.Grains.Engagement;
using Spotlight.Domain;

namespace Spotlight.Silo.Engagement;

/// <summary>
/// Before a postgres-mode silo joins: records the partition count the first time and refuses to start with
/// another (a video's counters have one writer, its partition's projector, so the count cannot change
/// under running data), and makes sure every partition has its log head and checkpoint row and the log's
/// current segments exist.
/// </summary>
public sealed class EngagementLayout(NpgsqlDataSource db, PostgresEngagementLog log, IOptions<EngagementOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var partitions = options.Value.Partitions;
        await using var command = db.CreateCommand("""
            INSERT INTO engagement_layout (id, partitions) VALUES (1, @partitions) ON CONFLICT (id) DO NOTHING;
            INSERT INTO engagement_log_head (partition) SELECT generate_series(0, @partitions - 1) ON CONFLICT DO NOTHING;
            INSERT INTO engagement_checkpoint (partition) SELECT generate_series(0, @partitions - 1) ON CONFLICT DO NOTHING;
            SELECT partitions FROM engagement_layout;
            """);
        command.Parameters.AddWithValue("partitions", partitions);
        var recorded = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (recorded != partitions)
        {
            throw new OptionsValidationException(EngagementOptions.SectionName, typeof(EngagementOptions),
                [$"Spotlight:Engagement:Partitions is {partitions}, but this database's engagement log has {recorded} partitions; it cannot change under running data (docs/operations.md \"Engagement settings\")."]);
        }

        var now = DateTimeOffset.UtcNow;
        await log.Entries.EnsureAsync(now, now + (2 * log.Entries.Length), cancellationToken);
        await log.Claims.EnsureAsync(now, now + log.Claims.Length, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
