using System.Net;
using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Api;

/// <summary>401 and 403 answers say what is missing (a token, a role, a claim, ownership) without telling
/// anything about the resource.</summary>
public class RefusalDetailApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    [Fact]
    public async Task WithoutAToken_401_SaysToSendOne()
    {
        var problem = await ProblemAssertions.AssertProblemAsync(await factory.CreateClient().GetAsync("/api/reviews/tracks"), HttpStatusCode.Unauthorized);

        Assert.Equal("This route needs a signed-in caller: send \"Authorization: Bearer <token>\".", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WithARefusedToken_401_SaysTheTokenWasNotAccepted()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not.a.token");

        var response = await client.GetAsync("/api/reviews/tracks");

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("The bearer token was not accepted", problem.GetProperty("detail").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task WithoutTheRole_403_NamesTheRolesNeededAndHeld()
    {
        var artist = factory.ClientFor("refused-artist", Roles.Artist);

        var problem = await ProblemAssertions.AssertProblemAsync(await artist.GetAsync("/api/reviews/tracks"), HttpStatusCode.Forbidden);

        Assert.Equal("This route needs one of the roles \"reviewer\", \"admin\"; the token has \"artist\".", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NotTheOwner_403_SaysWhoMay()
    {
        var stranger = factory.ClientFor("rewards-stranger", Roles.Creator);

        var problem = await ProblemAssertions.AssertProblemAsync(await stranger.GetAsync("/api/creators/someone-else/rewards"), HttpStatusCode.Forbidden);

        Assert.Equal("A creator reads only its own rewards; admins read anyone's.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor("someone-else", Roles.Creator).GetAsync("/api/creators/someone-else/rewards")).StatusCode);
    }
}
