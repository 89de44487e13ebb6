using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>
/// The README's one command for a production-like cluster on one machine: <c>silo/local-cluster.sh</c>
/// starts its own PostgreSQL, two silos and the API in postgres mode, and SIGINT (Ctrl-C) stops every one of
/// them and removes its run directory. Without PostgreSQL's server binaries it fails, saying what to install.
/// </summary>
/// <remarks>In the PostgreSQL collection only so that it runs alone: it starts its own server and three .NET
/// processes.</remarks>
[Collection(PostgresCollection.Name)]
public class LocalClusterScriptTests(ITestOutputHelper output)
{
    /// <summary>initdb and three .NET processes starting at once on a loaded two-core machine.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);

    /// <summary>The API stops, the silos leave the cluster gracefully (at most 30 s, at the same time), then
    /// PostgreSQL stops.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(3);

    /// <summary>What the script says when it has to kill a process that did not stop when asked.</summary>
    private const string ForcedStop = "did not stop within";

    [Fact]
    public async Task TheScript_RunsTwoSilosAndTheApiOnItsOwnPostgreSql_AndSigintStopsEverything()
    {
        var apiPort = FreePorts.Next();
        var clock = Stopwatch.StartNew();
        await using var script = LocalClusterScript.Start(apiPort, StartTimeout);
        try
        {
            // The script's own deadline comes first, so a slow start fails with its message and logs.
            var cluster = await script.WaitUntilReadyAsync(StartTimeout + TimeSpan.FromMinutes(1));
            var ready = clock.Elapsed;
            Assert.Equal(new Uri($"http://localhost:{apiPort}"), cluster.Api);
            var processes = cluster.ProcessIds.ToDictionary(p => p.Key, p => ProcessIdentity.Of(p.Value));
            var postgresPort = new NpgsqlConnectionStringBuilder(cluster.ConnectionString).Port;

            await AssertServesFromPostgreSqlWithTwoSilosAsync(cluster);

            clock.Restart();
            script.Interrupt();
            var exitCode = await script.WaitForExitAsync(StopTimeout);
            var stopped = clock.Elapsed;

            Assert.True(exitCode == 0, $"local-cluster.sh exited with {exitCode} after SIGINT.");
            Assert.DoesNotContain(ForcedStop, script.Output, StringComparison.Ordinal);
            foreach (var (name, process) in processes)
            {
                Assert.False(process.IsRunning, $"{name} (pid {process.Id}) still runs after the script exited.");
            }

            Assert.False(await AcceptsConnectionsAsync(postgresPort), $"PostgreSQL's port {postgresPort} still accepts connections.");
            Assert.False(await AcceptsConnectionsAsync(apiPort), $"The API's port {apiPort} still accepts connections.");
            Assert.Empty(ProcessesMentioning(cluster.RunDirectory));
            Assert.False(Directory.Exists(cluster.RunDirectory), $"{cluster.RunDirectory} is still there.");
            output.WriteLine($"Ready {ready.TotalSeconds:0.0} s after the start; stopped {stopped.TotalSeconds:0.0} s after SIGINT.");
        }
        finally
        {
            output.WriteLine(script.Output);
        }
    }

    /// <summary>Two Active silos of the printed cluster in the printed database, an artist created through the
    /// API (with a Development token) whose state is in that database, and an admin's decision in its audit trail.</summary>
    private static async Task AssertServesFromPostgreSqlWithTwoSilosAsync(LocalClusterSummary cluster)
    {
        Assert.Equal(2, cluster.SiloHealth.Count);
        using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            foreach (var readyz in cluster.SiloHealth)
            {
                Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(readyz)).StatusCode);
            }
        }

        IReadOnlyList<MembershipRows.Row> rows = [];
        await Eventually.UntilAsync(async () =>
            {
                rows = await MembershipRows.ReadAsync(cluster.ConnectionString, cluster.ClusterId);
                return rows.Count(r => r.Status == MembershipRows.Active) == 2;
            },
            TimeSpan.FromMinutes(1),
            "two Active silos in orleans_membership");
        Assert.Equal(["silo-1", "silo-2"], rows.Where(r => r.Status == MembershipRows.Active).Select(r => r.SiloName).Order(StringComparer.Ordinal));

        using var anonymous = ApiProcesses.ClientFor(cluster.Api, bearer: null);
        var minted = await anonymous.PostAsJsonAsync("/api/dev/tokens", new { sub = "local-cluster-artist", roles = new[] { "artist" } });
        Assert.Equal(HttpStatusCode.OK, minted.StatusCode);
        var token = (await minted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        using var artist = ApiProcesses.SetUpClientFor(cluster.Api, token);
        var created = await artist.PostAsJsonAsync("/api/artists", new { displayName = "Aiko", region = "JP" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var fetched = await artist.GetFromJsonAsync<JsonElement>($"/api/artists/{id}");
        Assert.Equal("Aiko", fetched.GetProperty("displayName").GetString());
        Assert.Equal(1, await CountAsync(cluster.ConnectionString, "SELECT count(*) FROM orleans_grain_state WHERE grain_type = 'artist' AND payload IS NOT NULL"));

        // An admin's decision goes to the audit trail in that database.
        var adminToken = await anonymous.PostAsJsonAsync("/api/dev/tokens", new { sub = "local-cluster-admin", roles = new[] { "admin" } });
        using var admin = ApiProcesses.SetUpClientFor(cluster.Api, (await adminToken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/artists/{id}/verification", null)).StatusCode);
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity={id}");
        Assert.Equal("artist.verify", trail.GetProperty("entries")[0].GetProperty("action").GetString());
        Assert.Equal(1, await CountAsync(cluster.ConnectionString, $"SELECT count(*) FROM audit_trail WHERE entity_id = '{id}' AND actor = 'local-cluster-admin'"));
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Processes whose command line names the directory: PostgreSQL's server and its helpers do.</summary>
    private static List<string> ProcessesMentioning(string directory)
    {
        var found = new List<string>();
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(directory, StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(process)}: {commandLine}");
                }
            }
            catch (IOException)
            {
                // It exited while being looked at.
            }
        }

        return found;
    }
}
