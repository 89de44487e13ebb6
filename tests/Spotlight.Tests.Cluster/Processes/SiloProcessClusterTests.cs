using System.Net.Http.Json;
using Spotlight.Silo.Diagnostics;
using Spotlight.Silo.Hosting;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Cluster.Embedded;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes;

[Collection(PostgresCollection.Name)]
public class SiloProcessClusterTests(PostgresFixture postgres)
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ASiloWhosePortIsTaken_ExitsWithCode4_AndSaysWhich()
    {
        var ports = FreePorts.Take(2);
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, ports[0]);
        occupant.Start();
        await using var silo = HostProcess.Start(SiloProcesses.SiloAssembly, [], new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Spotlight__Cluster__SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Spotlight__Cluster__GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "silo-port-taken");

        Assert.Equal(4, await silo.WaitForExitAsync(JoinTimeout));
        Assert.Contains("a port it must listen on (Spotlight:Cluster:SiloPort, GatewayPort, HealthPort) is not available", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthEndpoints_AnswerForProbes_LivenessAtOnce_ReadinessOnceActive_MetricsForPrometheus_AndTheSiloNameComesFromConfiguration()
    {
        var database = await postgres.CreateDatabaseAsync();
        var healthPort = FreePorts.Next();
        var silo = SiloProcesses.StartPostgresSilo(database, "silo-health",
            ("Spotlight__Cluster__HealthPort", healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Spotlight__Cluster__SiloName", "pod-abc123"),
            ("DOTNET_ENVIRONMENT", "Development"));
        await using var process = silo.Process;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}"), Timeout = TimeSpan.FromSeconds(5) };

        await Eventually.UntilAsync(async () =>
            {
                ThrowIfExited(silo.Process);
                try
                {
                    return (await http.GetAsync("/readyz")).StatusCode == System.Net.HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            JoinTimeout,
            "/readyz to answer 200 once the silo is Active");
        Assert.Equal("active", await http.GetStringAsync("/readyz"));
        Assert.Equal("alive", await http.GetStringAsync("/healthz"));
        var row = await MembershipRows.ForPortAsync(database, PostgresSilos.ClusterId, silo.SiloPort);
        Assert.Equal((MembershipRows.Active, "pod-abc123"), (row?.Status, row?.SiloName));

        // The same port serves the silo's metrics: the engagement log's per-partition positions (sampled every
        // few seconds) and Orleans' own instruments.
        var metrics = "";
        await Eventually.UntilAsync(async () => (metrics = await http.GetStringAsync("/metrics")).Contains("spotlight_engagement_log_lag", StringComparison.Ordinal),
            JoinTimeout, "/metrics to show the engagement log's lag per partition");
        Assert.Contains("partition=\"0\"", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);

        // In Development (as here) the soak can ask the silo what it retains after a full collection.
        using var retained = await http.PostAsync(SiloHealthServer.RetainedMemoryRoute, null);
        Assert.Equal(System.Net.HttpStatusCode.OK, retained.StatusCode);
        var memory = await retained.Content.ReadFromJsonAsync<RetainedMemory>();
        Assert.True(memory is { HeapBytes: > 0 } && memory.WorkingSetBytes > memory.HeapBytes, $"{memory}");

        silo.Process.Terminate();
        var exitCode = await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, $"SIGTERM'd silo exited with {exitCode}:\n{silo.Process.Output}");
    }

    [Fact]
    public async Task TwoSiloProcesses_FormOneCluster_ServeThroughEitherGateway_AndLeaveCleanlyOnSigterm()
    {
        var database = await postgres.CreateDatabaseAsync();
        var first = SiloProcesses.StartPostgresSilo(database, "silo-1");
        await using var firstProcess = first.Process;
        var second = SiloProcesses.StartPostgresSilo(database, "silo-2");
        await using var secondProcess = second.Process;

        await Eventually.UntilAsync(async () =>
            {
                ThrowIfExited(first.Process, second.Process);
                var rows = await MembershipRows.ReadAsync(database, PostgresSilos.ClusterId);
                return rows.Count(r => r.Status == MembershipRows.Active) == 2;
            },
            JoinTimeout,
            "both silo processes to be Active in the membership table");

        var viaFirst = await SiloProcesses.StartClientThroughGatewayAsync(first.GatewayPort);
        var viaSecond = await SiloProcesses.StartClientThroughGatewayAsync(second.GatewayPort);
        try
        {
            var artistId = Guid.NewGuid().ToString("N");
            var created = await viaFirst.Client().GetGrain<IArtistGrain>(artistId)
                .CreateAsync(new CreateArtistCommand("owner", "Two Gateways", "BR", null, []));
            var readBack = await viaSecond.Client().GetGrain<IArtistGrain>(artistId).GetAsync();

            Assert.Equal(ArtistCreateOutcome.Created, created.Outcome);
            ArtistAssertions.Same(created.Value, readBack);
        }
        finally
        {
            await PostgresSilos.StopAsync(viaFirst, viaSecond);
        }

        second.Process.Terminate();
        var exitCode = await second.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"SIGTERM'd silo exited with {exitCode}:\n{second.Process.Output}");
        // Read at once: only the silo itself writes Dead this quickly; peers need several missed probes.
        var stopped = await MembershipRows.ForPortAsync(database, PostgresSilos.ClusterId, second.SiloPort);
        Assert.Equal(MembershipRows.Dead, stopped?.Status);
        var survivor = await MembershipRows.ForPortAsync(database, PostgresSilos.ClusterId, first.SiloPort);
        Assert.Equal(MembershipRows.Active, survivor?.Status);

        // The control: a killed silo writes nothing, so its row still says Active.
        first.Process.Kill();
        await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var killed = await MembershipRows.ForPortAsync(database, PostgresSilos.ClusterId, first.SiloPort);
        Assert.Equal(MembershipRows.Active, killed?.Status);
    }

    private static void ThrowIfExited(params HostProcess[] processes)
    {
        foreach (var process in processes.Where(p => p.HasExited))
        {
            throw new InvalidOperationException($"{process.Name} exited with {process.ExitCode}:\n{process.Output}");
        }
    }
}
