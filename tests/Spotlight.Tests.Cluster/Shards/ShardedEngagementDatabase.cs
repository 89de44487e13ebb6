using Microsoft.Extensions.Logging.Abstractions;
using Spotlight.Domain;
using Spotlight.Grains.Engagement;
using Spotlight.Silo.Engagement.Shards;
using Spotlight.Silo.Migrations;

namespace Spotlight.Tests.Cluster.Shards;

/// <summary>A fresh, migrated, laid-out database on each of the two servers, as a sharded silo has them, with the
/// sharded log and store over them; disposed with the test.</summary>
public sealed class ShardedEngagementDatabase : IAsyncDisposable
{
    private readonly EngagementMetrics _metrics = new();

    private ShardedEngagementDatabase(EngagementShardMap map, IReadOnlyList<EngagementShardSetting> settings, EngagementOptions options)
    {
        Set = new EngagementShardSet(map, settings, Microsoft.Extensions.Options.Options.Create(options), _metrics, NullLoggerFactory.Instance);
        Log = new ShardedEngagementLog(map, Set.Logs, Set.Health, NullLogger<ShardedEngagementLog>.Instance);
        Store = new ShardedEngagementStore(map, Set.Stores);
        ConnectionStrings = [.. settings.Select(s => s.ConnectionString)];
    }

    public EngagementShardSet Set { get; }

    public ShardedEngagementLog Log { get; }

    public ShardedEngagementStore Store { get; }

    public IReadOnlyList<string> ConnectionStrings { get; }

    public static async Task<ShardedEngagementDatabase> CreateAsync(TwoPostgresServers servers, EngagementOptions options)
    {
        var connectionStrings = await servers.CreateDatabasesAsync();
        foreach (var connectionString in connectionStrings)
        {
            await new MigrationRunner(connectionString, NullLogger<MigrationRunner>.Instance).ApplyAsync(MigrationCatalog.Load(), CancellationToken.None);
        }

        var settings = connectionStrings.Select((c, i) => new EngagementShardSetting($"shard{i}", c)).ToList();
        var database = new ShardedEngagementDatabase(new EngagementShardMap([.. settings.Select(s => s.Name)], options.Partitions), settings, options);
        await database.Set.StartAsync(CancellationToken.None);
        return database;
    }

    /// <summary>A second store over the same shards, as another silo has: its own registries in memory.</summary>
    public ShardedEngagementStore AnotherStore(EngagementOptions options) => new(Set.Map,
        [.. Set.Databases.Select((db, i) => new Spotlight.Silo.Engagement.PostgresEngagementStore(db, Set.Logs[i], Microsoft.Extensions.Options.Options.Create(options)))]);

    public async ValueTask DisposeAsync()
    {
        await Set.DisposeAsync();
        _metrics.Dispose();
    }
}
