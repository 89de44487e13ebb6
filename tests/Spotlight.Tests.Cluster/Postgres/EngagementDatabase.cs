using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Spotlight.Grains.Engagement;
using Spotlight.Silo.Engagement;
using Spotlight.Silo.Migrations;
using Spotlight.Tests.Infrastructure;
using Spotlight.Domain;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>A fresh, migrated database with the engagement layout a silo lays out at start (log heads,
/// checkpoints, current segments), and the log and store over it; disposed with the test.</summary>
public sealed class EngagementDatabase : IAsyncDisposable
{
    private readonly EngagementMetrics _metrics = new();

    private EngagementDatabase(NpgsqlDataSource data, EngagementOptions options)
    {
        Data = data;
        Log = new PostgresEngagementLog(data, Microsoft.Extensions.Options.Options.Create(options), _metrics, NullLogger<PostgresEngagementLog>.Instance);
        Store = new PostgresEngagementStore(data, Log, Microsoft.Extensions.Options.Options.Create(options));
    }

    public NpgsqlDataSource Data { get; }

    public PostgresEngagementLog Log { get; }

    public PostgresEngagementStore Store { get; }

    public static async Task<EngagementDatabase> CreateAsync(PostgresFixture postgres, EngagementOptions options)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await new MigrationRunner(connectionString, NullLogger<MigrationRunner>.Instance).ApplyAsync(MigrationCatalog.Load(), CancellationToken.None);
        var database = new EngagementDatabase(EngagementDataSource.Create(connectionString), options);
        await new EngagementLayout(database.Data, database.Log, Microsoft.Extensions.Options.Options.Create(options)).StartAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync();
        await Data.DisposeAsync();
        _metrics.Dispose();
    }
}
