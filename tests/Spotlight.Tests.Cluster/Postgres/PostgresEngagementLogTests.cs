using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Log;
using Spotlight.LoadTest.Soak;
using Spotlight.Tests.Cluster.Engagement;
using Spotlight.Tests.Infrastructure;
using Spotlight.Domain;

namespace Spotlight.Tests.Cluster.Postgres;

[Collection(PostgresStoreCollection.Name)]
public sealed class PostgresEngagementLogTests(PostgresFixture postgres) : EngagementLogContract, IAsyncLifetime
{
    private readonly List<EngagementDatabase> _databases = [];

    protected override async Task<IEngagementLog> CreateLogAsync(EngagementOptions? options = null)
    {
        var database = await EngagementDatabase.CreateAsync(postgres, options ?? Options);
        _databases.Add(database);
        return database.Log;
    }

    /// <summary>The soak judges "the log stops growing" by these sizes, so they must see appends and pruning.</summary>
    [Fact]
    public async Task SoakTableSizes_GrowWithAppends_AndShrinkWhenSegmentsAreDropped()
    {
        await CreateLogAsync();
        var database = _databases[^1];
        var empty = await TableSample.ReadAsync(database.Data, 0);
        var payload = new byte[2_000];
        Random.Shared.NextBytes(payload); // incompressible, so the size on disk follows the bytes appended
        for (var i = 0; i < 500; i++)
        {
            await database.Log.AppendAsync(new LogAppend($"size-{i}", [new LogSlice(i % 4, 1, payload)], new IngestOutcome(1, [], false)), CancellationToken.None);
        }

        var full = await TableSample.ReadAsync(database.Data, 1);
        await database.Log.PruneAsync(DateTimeOffset.UtcNow.AddDays(2), [125, 125, 125, 125], DateTimeOffset.UtcNow.AddDays(30), CancellationToken.None);
        var pruned = await TableSample.ReadAsync(database.Data, 2);

        Assert.True(full.LogBytes > empty.LogBytes + (500 * payload.Length / 2), $"log {empty.LogBytes} → {full.LogBytes} bytes");
        Assert.True(full.BatchIdBytes > empty.BatchIdBytes, $"batch ids {empty.BatchIdBytes} → {full.BatchIdBytes} bytes");
        Assert.True(pruned.LogBytes < full.LogBytes / 4, $"log {full.LogBytes} → {pruned.LogBytes} bytes after pruning");
        Assert.True(pruned.BatchIdBytes < full.BatchIdBytes, $"batch ids {full.BatchIdBytes} → {pruned.BatchIdBytes} bytes after pruning");
        Assert.True(pruned.StoreBytes > 0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}
