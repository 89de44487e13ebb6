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

    [Fact]
    public async Task Silo_AskedToStopWhileStarting_ExitsCleanly()
    {
        var ports = FreePorts.Take(2);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Spotlight__Mode"] = "embedded",
            ["Spotlight__Cluster__SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Spotlight__Cluster__GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var process = HostProcess.Start(SiloProcesses.SiloAssembly, [], environment, "silo");

        // As soon as the host logs anything it has a console lifetime that handles SIGTERM; the silo needs
        // seconds more to start, so the signal lands while it is starting (if the machine is fast enough to
        // have started it, the stop is a plain graceful one, which must be clean too).
        await Eventually.UntilAsync(() => process.Output.Length > 0 || process.HasExited, TimeSpan.FromSeconds(60), "the silo to log its first line");
        process.Terminate();
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit code {exitCode}: {process.Output}");
        Assert.DoesNotContain("Unhandled exception", process.Output, StringComparison.Ordinal);
    }
}
