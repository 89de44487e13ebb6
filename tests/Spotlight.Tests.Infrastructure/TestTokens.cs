using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Spotlight.Tests.Infrastructure;

/// <summary>Bearer tokens for hosts started out of process, signed with the key the test gave them.</summary>
public static class TestTokens
{
    public const string SigningKey = "process-tests-signing-key-0123456789abcdef";

    public static string Create(string subject, params string[] roles)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject };
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
