using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Api;

public class OperationsApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    [Fact]
    public async Task Healthz_And_Readyz_AreHealthy()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_ArePrometheusText_WithOrleansMeters()
    {
        var client = factory.CreateClient();
        // A grain call first, so that Orleans' instruments have recorded something.
        await client.GetAsync("/readyz");

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("# TYPE", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheArtistRoutes()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/artists", paths);
        Assert.Contains("/api/artists/{id}", paths);
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Development_ServesDashboardAndApiPage()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task DevTokens_MintATokenTheApiAccepts()
    {
        var client = factory.CreateClient();

        var minted = await client.PostAsJsonAsync("/api/dev/tokens", new { sub = "dev-user", roles = new[] { Roles.Artist } });

        Assert.Equal(HttpStatusCode.OK, minted.StatusCode);
        var token = (await minted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var created = await client.PostAsJsonAsync("/api/artists", new { displayName = "Dev", region = "KR" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task DevTokens_BadRequest_NamesEachField()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/dev/tokens", new { sub = "", roles = new[] { "artist", "superuser" } });

        await ProblemAssertions.AssertFieldErrorsAsync(response, "sub", "roles[1]");
    }

    [Fact]
    public async Task DevTokens_StudioRoleWithoutAStudioId_IsRefusedNamingStudioId()
    {
        var client = factory.CreateClient();

        await ProblemAssertions.AssertFieldErrorsAsync(await client.PostAsJsonAsync("/api/dev/tokens", new { sub = "studio-user", roles = new[] { Roles.Studio } }), "studioId");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/dev/tokens", new { sub = "studio-user", roles = new[] { Roles.Studio }, studioId = "studio-1" })).StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/nothing-here");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
