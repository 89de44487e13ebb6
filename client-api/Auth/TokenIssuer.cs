using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Spotlight.ClientApi.Auth;

/// <summary>Mints tokens that the bearer handler accepts; used only by the Development token route.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(string subject, IEnumerable<string> roles, string? studioId, string? artistId)
    {
        var auth = options.Value;
        var claims = new List<Claim> { new(SpotlightClaims.Subject, subject) };
        claims.AddRange(roles.Select(role => new Claim(SpotlightClaims.Role, role)));
        if (studioId is not null)
        {
            claims.Add(new Claim(SpotlightClaims.StudioId, studioId));
        }

        if (artistId is not null)
        {
            claims.Add(new Claim(SpotlightClaims.ArtistId, artistId));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + auth.DevTokenLifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(auth.SigningKeyBytes), SecurityAlgorithms.HmacSha256),
        });
    }
}
