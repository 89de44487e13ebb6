using Xunit;

namespace Spotlight.Tests.Infrastructure;

/// <summary>xunit fixture owning one private PostgreSQL server for a test collection.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
