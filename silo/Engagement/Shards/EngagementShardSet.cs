using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Spotlight.Domain;
using Spotlight.Grains.Engagement;

namespace Spotlight.Silo.Engagement.Shards;

/// <summary>
/// The engagement databases of a sharded silo, each with its own connections, log (its own group-commit
/// appender) and store, all over one <see cref="EngagementShardMap"/>. As a hosted service it lays out every
/// shard before the silo joins (<see cref="EngagementLayout"/>).
/// </summary>
public sealed class EngagementShardSet : IHostedService, IAsyncDisposable
{
    public EngagementShardSet(EngagementShardMap map, IReadOnlyList<EngagementShardSetting> settings, IOptions<EngagementOptions> options, EngagementMetrics metrics, ILoggerFactory loggers)
    {
        Map = map;
        Options = options;
        Databases = [.. settings.Select(s => EngagementDataSource.Create(s.ConnectionString))];
        Logs = [.. Databases.Select(db => new PostgresEngagementLog(db, options, metrics, loggers.CreateLogger<PostgresEngagementLog>()))];
        Stores = [.. Databases.Select((db, i) => new PostgresEngagementStore(db, Logs[i], options))];
        Health = new EngagementShardHealth(map.Names, Databases);
        metrics.AddShards(map.Names, Health.IsUp, map.PartitionsOf);
    }

    public EngagementShardMap Map { get; }

    public IOptions<EngagementOptions> Options { get; }

    public IReadOnlyList<NpgsqlDataSource> Databases { get; }

    public IReadOnlyList<PostgresEngagementLog> Logs { get; }

    public IReadOnlyList<PostgresEngagementStore> Stores { get; }

    public EngagementShardHealth Health { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < Databases.Count; shard++)
        {
            await new EngagementLayout(Databases[shard], Logs[shard], Options, EngagementShardIdentity.Of(Map, shard)).StartAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var log in Logs)
        {
            await log.DisposeAsync();
        }

        foreach (var database in Databases)
        {
            await database.DisposeAsync();
        }
    }
}
