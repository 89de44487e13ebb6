using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>Bad settings stop a host at start-up with a message naming the setting (no PostgreSQL needed).</summary>
public class StartupValidationTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "silo", "Spotlight__Mode", "cassandra", "Spotlight:Mode" },
        { "silo", "Spotlight__Mode", "postgres", "Spotlight:Postgres:ConnectionString" },
        { "client-api", "Spotlight__Mode", "cassandra", "Spotlight:Mode" },
        { "client-api", "Spotlight__Mode", "postgres", "Spotlight:Postgres:ConnectionString" },
        // The key in the repository's Development settings must never sign production tokens.
        { "client-api", "Spotlight__Auth__SigningKey", "development-only-signing-key-not-a-secret-0123456789", "Spotlight:Auth:SigningKey is the development key" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Start_WithBadSetting_ExitsNamingTheSetting(string host, string variable, string value, string namedSetting)
    {
        var assembly = host == "silo" ? SiloProcesses.SiloAssembly : SiloProcesses.ApiAssembly;
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Spotlight__Auth__SigningKey"] = "startup-validation-test-key-0123456789",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        environment[variable] = value;
        await using var process = HostProcess.Start(assembly, [], environment, host);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains(namedSetting, process.Output, StringComparison.Ordinal);
    }
}
