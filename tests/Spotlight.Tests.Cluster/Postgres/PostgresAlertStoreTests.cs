using Spotlight.Grains.Engagement.Store;
using Spotlight.Tests.Cluster.Engagement;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAlertStoreTests(PostgresFixture postgres) : AlertStoreContract, IAsyncLifetime
{
    private readonly List<EngagementDatabase> _databases = [];

    protected override async Task<IEngagementStore> CreateStoreAsync()
    {
        var database = await EngagementDatabase.CreateAsync(postgres, EngagementStoreContract.Options);
        _databases.Add(database);
        return database.Store;
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
