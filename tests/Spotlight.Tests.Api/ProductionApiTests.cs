using System.Net;
using System.Net.Http.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Diagnostics;

namespace Spotlight.Tests.Api;

public class ProductionApiTests(ProductionApiFactory factory) : IClassFixture<ProductionApiFactory>
{
    [Fact]
    public async Task DevTokens_DoNotExist()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/dev/tokens", new { sub = "x", roles = new[] { Roles.Admin } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RetainedMemoryReport_DoesNotExist()
    {
        var response = await factory.ClientFor("prod-admin", Roles.Admin).PostAsync(RetainedMemoryEndpoints.Route, null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DashboardAndApiPage_AreOffByDefault()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task ProtectedRoute_WithoutToken_Is401_AndWithWrongRole_Is403()
    {
        var body = new { displayName = "Aiko", region = "JP" };

        var anonymous = await factory.CreateClient().PostAsJsonAsync("/api/artists", body);
        var creator = await factory.ClientFor("prod-creator", Roles.Creator).PostAsJsonAsync("/api/artists", body);

        await ProblemAssertions.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await ProblemAssertions.AssertProblemAsync(creator, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MalformedJson_Is400Problem_OutsideDevelopmentToo()
    {
        var response = await factory.ClientFor("prod-artist", Roles.Artist)
            .PostAsync("/api/artists", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssertions.AssertFieldErrorsAsync(response, "body");
    }
}
