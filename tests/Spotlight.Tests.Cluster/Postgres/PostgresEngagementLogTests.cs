using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Tests.Cluster.Engagement;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEngagementLogTests(PostgresFixture postgres) : EngagementLogContract, IAsyncLifetime
{
    private readonly List<EngagementDatabase> _databases = [];

    protected override async Task<IEngagementLog> CreateLogAsync(EngagementOptions? options = null)
    {
        var database = await EngagementDatabase.CreateAsync(postgres, options ?? Options);
        _databases.Add(database);
        return database.Log;
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
