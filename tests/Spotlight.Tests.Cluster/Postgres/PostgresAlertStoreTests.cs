using Spotlight.Grains.Engagement.Store;
using Spotlight.Tests.Cluster.Engagement;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

[Collection(PostgresStoreCollection.Name)]
public sealed class PostgresAlertStoreTests(PostgresFixture postgres) : AlertStoreContract, IAsyncLifetime
{
    private readonly EngagementDatabases _databases = new(postgres);

    protected override Task<IEngagementStore> CreateStoreAsync() => _databases.CreateStoreAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}
