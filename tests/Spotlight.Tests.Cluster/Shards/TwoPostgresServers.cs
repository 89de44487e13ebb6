using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Shards;

/// <summary>Two private PostgreSQL servers, one per engagement shard (always private, whatever
/// SPOTLIGHT_TEST_POSTGRES says, so that the shards are separate servers); each test takes fresh databases.</summary>
public sealed class TwoPostgresServers : IAsyncLifetime
{
    private readonly List<PostgresServer> _servers = [];

    public IReadOnlyList<PostgresServer> Servers => _servers;

    /// <summary>A fresh database on each server, in server order.</summary>
    public async Task<string[]> CreateDatabasesAsync() => await Task.WhenAll(_servers.Select(s => s.CreateDatabaseAsync()));

    public async Task InitializeAsync()
    {
        var started = await Task.WhenAll(PostgresServer.StartPrivateAsync(durableCommits: true), PostgresServer.StartPrivateAsync(durableCommits: true));
        _servers.AddRange(started);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>Tests over two engagement shards on two servers; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ShardCollection : ICollectionFixture<TwoPostgresServers>
{
    public const string Name = "postgres-shards";
}
