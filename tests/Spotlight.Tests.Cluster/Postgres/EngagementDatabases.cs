using Spotlight.Grains.Engagement.Store;
using Spotlight.Tests.Cluster.Engagement;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Postgres;

/// <summary>The databases a store contract's tests create (one per test, so that tests never see each other's
/// rows), all disposed with the test class.</summary>
public sealed class EngagementDatabases(PostgresFixture postgres) : IAsyncDisposable
{
    private readonly List<EngagementDatabase> _databases = [];

    public async Task<IEngagementStore> CreateStoreAsync()
    {
        var database = await EngagementDatabase.CreateAsync(postgres, EngagementStoreContract.Options);
        _databases.Add(database);
        return database.Store;
    }

    /// <summary>A second store over the same database, as another silo has: its own follow registry in memory.</summary>
    public IEngagementStore AnotherStoreOver(IEngagementStore store)
    {
        var database = _databases.Single(d => ReferenceEquals(d.Store, store));
        return new Spotlight.Silo.Engagement.PostgresEngagementStore(database.Data, database.Log, Microsoft.Extensions.Options.Options.Create(EngagementStoreContract.Options));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}
