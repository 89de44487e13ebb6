using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Spotlight.Silo.Migrations;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes;

[Collection(PostgresCollection.Name)]
public class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrate_Twice_SecondRunIsANoOp()
    {
        var database = await postgres.CreateDatabaseAsync();
        var runner = new MigrationRunner(database, NullLogger<MigrationRunner>.Instance);
        var catalog = MigrationCatalog.Load();

        var first = await runner.ApplyAsync(catalog, CancellationToken.None);
        var second = await runner.ApplyAsync(catalog, CancellationToken.None);

        Assert.Equal(catalog.Select(m => m.Version), first.Applied);
        Assert.Empty(second.Applied);
        Assert.Equal(catalog.Count, second.Total);
        await AssertEachVersionOnceAsync(database, catalog.Count);
    }

    [Fact]
    public async Task Migrate_FromThreeProcessesAtOnce_AppliesEachVersionOnce()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = new Dictionary<string, string> { ["Spotlight__Postgres__ConnectionString"] = database };

        var processes = Enumerable.Range(1, 3)
            .Select(i => HostProcess.Start(SiloProcesses.SiloAssembly, ["migrate"], environment, $"migrate-{i}"))
            .ToList();
        try
        {
            foreach (var process in processes)
            {
                var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));
                Assert.True(exitCode == 0, $"{process.Name} exited with {exitCode}:\n{process.Output}");
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }

        await AssertEachVersionOnceAsync(database, MigrationCatalog.Load().Count);
        // Exactly one process applied anything; the others found the schema up to date.
        Assert.Equal(2, processes.Count(p => p.Output.Contains("Schema is up to date", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Migrate_WithoutConnectionString_FailsNamingTheSetting()
    {
        await using var process = HostProcess.Start(SiloProcesses.SiloAssembly, ["migrate"], new Dictionary<string, string>(), "migrate-unset");

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Spotlight:Postgres:ConnectionString", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WhenPostgresDoesNotAnswer_ExitsWithAMessageNamingTheSetting()
    {
        var nobody = $"Host=127.0.0.1;Port={FreePorts.Next()};Username=postgres;Database=none;Timeout=3";
        await using var process = HostProcess.Start(SiloProcesses.SiloAssembly, ["migrate"],
            new Dictionary<string, string> { ["Spotlight__Postgres__ConnectionString"] = nobody }, "migrate-nobody");

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, exitCode);
        Assert.Contains("Spotlight:Postgres:ConnectionString", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", process.Output, StringComparison.Ordinal);
    }

    private static async Task AssertEachVersionOnceAsync(string database, int expected)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT count(*), count(DISTINCT version), min(version), max(version) FROM {MigrationRunner.VersionTable}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((expected, expected, 1, expected), ((int)reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3)));
    }
}
