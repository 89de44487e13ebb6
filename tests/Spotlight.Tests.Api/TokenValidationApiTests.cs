using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Spotlight.Tests.Api;

/// <summary>Bearer tokens are checked for signature, algorithm, issuer, audience and lifetime: any token
/// that fails one of them is as good as none (401), and the request changes nothing.</summary>
public class TokenValidationApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private const string Route = "/api/reviews/tracks";

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", Token(expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "not yet valid", Token(notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddMinutes(20)) },
        { "signed with another key", Token(key: "another-key-that-is-long-enough-0123456789") },
        { "another issuer", Token(issuer: "someone-else") },
        { "another audience", Token(audience: "another-api") },
        { "alg none, unsigned", Unsigned() },
        { "garbage", "not.a.token" },
    };

    [Fact]
    public async Task AValidToken_IsAccepted() =>
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Token())).StatusCode);

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task AnInvalidToken_Is401WithAProblem(string why, string token)
    {
        var response = await GetAsync(token);
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> GetAsync(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(Route);
    }

    private static string Token(
        string key = SpotlightApiFactory.SigningKey, string issuer = "spotlight", string audience = "spotlight-api",
        DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "reviewer-jwt"), new Claim("role", "reviewer")]),
            IssuedAt = (notBefore ?? now).AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A token whose header says <c>alg: none</c> and that carries no signature, built by hand.</summary>
    private static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part($$"""{"sub":"reviewer-jwt","role":"reviewer","iss":"spotlight","aud":"spotlight-api","exp":{{expires}}}""")}.";
    }
}
