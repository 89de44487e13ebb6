using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Endpoints;

namespace Spotlight.Tests.Api;

public class ArtistApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private static readonly object ValidArtist = new { displayName = "Aiko", region = "JP", bio = "From Osaka.", links = new[] { "https://example.com/aiko" } };

    [Fact]
    public async Task Create_ThenGet_ReturnsTheProfileUnverified()
    {
        var artist = factory.ClientFor("user-create", Roles.Artist);

        var created = await artist.PostAsJsonAsync("/api/artists", ValidArtist);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<ArtistResponse>();
        Assert.NotNull(body);
        Assert.False(body.Verified);
        Assert.Equal($"/api/artists/{body.Id}", created.Headers.Location?.OriginalString);

        var fetched = await factory.CreateClient().GetFromJsonAsync<ArtistResponse>($"/api/artists/{body.Id}");
        Assert.NotNull(fetched);
        Assert.Equal(("Aiko", "JP", "From Osaka.", false), (fetched.DisplayName, fetched.Region, fetched.Bio, fetched.Verified));
        Assert.Equal(["https://example.com/aiko"], fetched.Links);
    }

    [Fact]
    public async Task Create_WithoutToken_Is401Problem()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/artists", ValidArtist);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_WithTokenSignedByAnotherKey_Is401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ForgedToken());

        var response = await client.PostAsJsonAsync("/api/artists", ValidArtist);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(Roles.Creator)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Admin)]
    public async Task Create_WithWrongRole_Is403Problem(string role)
    {
        var response = await factory.ClientFor("user-wrong-role", role).PostAsJsonAsync("/api/artists", ValidArtist);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_TruncatedJson_Is400NamingWhereItBroke()
    {
        var response = await factory.ClientFor("user-bad-json", Roles.Artist)
            .PostAsync("/api/artists", new StringContent("{\"displayName\": \"Aiko\", \"region\":", Encoding.UTF8, "application/json"));

        await ProblemAssertions.AssertFieldErrorsAsync(response, "region");
    }

    [Fact]
    public async Task Create_FieldOfWrongType_Is400NamingTheField()
    {
        var response = await factory.ClientFor("user-wrong-type", Roles.Artist)
            .PostAsync("/api/artists", new StringContent("{\"displayName\": 42, \"region\": \"JP\"}", Encoding.UTF8, "application/json"));

        await ProblemAssertions.AssertFieldErrorsAsync(response, "displayName");
    }

    [Fact]
    public async Task Create_EmptyBody_Is400Problem()
    {
        var response = await factory.ClientFor("user-empty", Roles.Artist)
            .PostAsync("/api/artists", new StringContent(string.Empty, Encoding.UTF8, "application/json"));

        await ProblemAssertions.AssertFieldErrorsAsync(response, "body");
    }

    [Fact]
    public async Task Create_InvalidFields_Is400NamingEachField()
    {
        var response = await factory.ClientFor("user-invalid", Roles.Artist).PostAsJsonAsync("/api/artists",
            new { displayName = " ", region = "Japan", links = new[] { "https://ok.example", "ftp://nope.example" } });

        await ProblemAssertions.AssertFieldErrorsAsync(response, "displayName", "region", "links[1]");
    }

    [Fact]
    public async Task Get_UnknownArtist_Is404Problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/artists/no-such-artist");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_MalformedId_Is400NamingId()
    {
        var response = await factory.CreateClient().GetAsync($"/api/artists/{new string('x', 65)}");

        await ProblemAssertions.AssertFieldErrorsAsync(response, "id");
    }

    private static string ForgedToken()
    {
        var other = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return other.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "spotlight",
            Audience = "spotlight-api",
            Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["role"] = Roles.Artist },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-different-key-that-is-long-enough-0123")),
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
    }
}
