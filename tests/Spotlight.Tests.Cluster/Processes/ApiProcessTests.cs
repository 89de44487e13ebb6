using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Cluster.Postgres;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>The API as a separate process, an Orleans client of a silo process, both in postgres mode.</summary>
[Collection(PostgresCollection.Name)]
public class ApiProcessTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Api_InPostgresMode_WaitsForASilo_ThenServesThroughIt()
    {
        var database = await postgres.CreateDatabaseAsync();
        // The API starts first, before there is a schema or a silo: it must come up and say "not ready".
        var running = ApiProcesses.StartPostgresApi(database, "api", ("Spotlight__Dashboard", "true"));
        await using var api = running.Process;
        using var http = running.Client();
        await Eventually.UntilAsync(async () => (await http.GetAsync("/healthz")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "the API's /healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/readyz")).StatusCode);
        var unreachable = await http.GetAsync("/api/artists/some-artist");
        Assert.True(HttpStatusCode.ServiceUnavailable == unreachable.StatusCode, await unreachable.Content.ReadAsStringAsync() + api.Output);
        Assert.Equal("application/problem+json", unreachable.Content.Headers.ContentType?.MediaType);

        var silo = SiloProcesses.StartPostgresSilo(database, "silo", ("Spotlight__Dashboard", "true"));
        await using var siloProcess = silo.Process;
        await ApiProcesses.WaitUntilReadyAsync(running, TimeSpan.FromSeconds(90));

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("proc-artist", "artist"));
        var created = await http.PostAsJsonAsync("/api/artists", new { displayName = "Over The Wire", region = "NG" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var fetched = await http.GetFromJsonAsync<JsonElement>($"/api/artists/{id}");
        Assert.Equal("Over The Wire", fetched.GetProperty("displayName").GetString());

        // Body limits hold on the real server: 1 MiB in general, 4 MiB for engagement batches.
        var tooLarge = await http.PostAsJsonAsync("/api/artists", new { displayName = new string('x', 1_200_000), region = "NG" });
        Assert.True(HttpStatusCode.RequestEntityTooLarge == tooLarge.StatusCode, await tooLarge.Content.ReadAsStringAsync());
        var tooLargeProblem = await tooLarge.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(tooLargeProblem.TryGetProperty("errors", out var tooLargeErrors) && tooLargeErrors.TryGetProperty("body", out _), tooLargeProblem.ToString());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("proc-ingest", "ingest"));
        var largeBatch = await http.PostAsJsonAsync("/api/engagement", new
        {
            batchId = "large-batch",
            events = Enumerable.Range(0, 4_000).Select(i => new { videoId = new string('v', 300), kind = "view" }).ToArray(),
        });
        Assert.True(HttpStatusCode.Accepted == largeBatch.StatusCode, await largeBatch.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dashboard/")).StatusCode);
        Assert.Contains("orleans_", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/dev/tokens", new { sub = "x", roles = Array.Empty<string>() })).StatusCode);
    }
}
