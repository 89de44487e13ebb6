using Spotlight.Domain;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Store;
using Spotlight.Tests.Cluster.Engagement;

namespace Spotlight.Tests.Cluster.Shards;

/// <summary>The databases a sharded contract's tests create, one set per test, disposed with the test class.</summary>
public sealed class ShardedDatabases(TwoPostgresServers servers) : IAsyncDisposable
{
    private readonly List<ShardedEngagementDatabase> _databases = [];

    public async Task<ShardedEngagementDatabase> CreateAsync(EngagementOptions options)
    {
        var database = await ShardedEngagementDatabase.CreateAsync(servers, options);
        _databases.Add(database);
        return database;
    }

    public IEngagementStore AnotherStoreOver(IEngagementStore store) =>
        _databases.Single(d => ReferenceEquals(d.Store, store)).AnotherStore(EngagementStoreContract.Options);

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}

/// <summary>The store's contract holds over two shards on two servers as over one database.</summary>
[Collection(ShardCollection.Name)]
public sealed class ShardedEngagementStoreTests(TwoPostgresServers servers) : EngagementStoreContract, IAsyncLifetime
{
    private readonly ShardedDatabases _databases = new(servers);

    protected override async Task<IEngagementStore> CreateStoreAsync() => (await _databases.CreateAsync(Options)).Store;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

/// <summary>Alerts over two shards: rule windows decided on the sum of both shards' counts, each once.</summary>
[Collection(ShardCollection.Name)]
public sealed class ShardedAlertStoreTests(TwoPostgresServers servers) : AlertStoreContract, IAsyncLifetime
{
    private readonly ShardedDatabases _databases = new(servers);

    protected override async Task<IEngagementStore> CreateStoreAsync() => (await _databases.CreateAsync(EngagementStoreContract.Options)).Store;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

[Collection(ShardCollection.Name)]
public sealed class ShardedExclusionStoreTests(TwoPostgresServers servers) : ExclusionStoreContract, IAsyncLifetime
{
    private readonly ShardedDatabases _databases = new(servers);

    protected override async Task<IEngagementStore> CreateStoreAsync() => (await _databases.CreateAsync(EngagementStoreContract.Options)).Store;

    protected override IEngagementStore AnotherSilosStore(IEngagementStore store) => _databases.AnotherStoreOver(store);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

/// <summary>The log's contract over two shards: a batch's parts go to their partitions' shards, a repeat is a
/// duplicate on every shard.</summary>
[Collection(ShardCollection.Name)]
public sealed class ShardedEngagementLogTests(TwoPostgresServers servers) : EngagementLogContract, IAsyncLifetime
{
    private readonly ShardedDatabases _databases = new(servers);

    protected override async Task<IEngagementLog> CreateLogAsync(EngagementOptions? options = null) => (await _databases.CreateAsync(options ?? Options)).Log;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}
