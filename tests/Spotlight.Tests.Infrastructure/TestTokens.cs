using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Spotlight.Tests.Infrastructure;

/// <summary>Bearer tokens for hosts started out of process, signed with the key the test gave them.</summary>
public static class TestTokens
{
    public const string SigningKey = "process-tests-signing-key-0123456789abcdef";

    public static string Create(string subject, params string[] roles) => Create(subject, roles, studioId: null);

    /// <summary>A studio user's token: the studio role and the studio it acts for.</summary>
    public static string ForStudio(string subject, string studioId) => Create(subject, ["studio"], studioId);

    private static string Create(string subject, string[] roles, string? studioId)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (studioId is not null)
        {
            claims["studioId"] = studioId;
        }

        if (roles.Length > 0)
        {
            claims["role"] = roles;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "spotlight",
            Audience = "spotlight-api",
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
