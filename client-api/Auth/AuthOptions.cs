using System.ComponentModel.DataAnnotations;
using System.Text;

namespace Spotlight.ClientApi.Auth;

/// <summary><c>Spotlight:Auth</c>: how bearer tokens are validated (and, in Development, minted).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Spotlight:Auth";
    public const int MinimumKeyBytes = 32;

    /// <summary>The throwaway key in appsettings.Development.json: public, so refused in any other environment.</summary>
    public const string PublishedDevelopmentKey = "development-only-signing-key-not-a-secret-0123456789";

    [Required(ErrorMessage = "Spotlight:Auth:Issuer is required.")]
    public string Issuer { get; set; } = "spotlight";

    [Required(ErrorMessage = "Spotlight:Auth:Audience is required.")]
    public string Audience { get; set; } = "spotlight-api";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of UTF-8. Comes from a secret, never from the repo
    /// (the Development settings carry a throwaway key).</summary>
    [Required(ErrorMessage = "Spotlight:Auth:SigningKey is required (at least 32 bytes; use a secret).")]
    public string? SigningKey { get; set; }

    /// <summary>Lifetime of tokens minted by /api/dev/tokens.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public byte[] SigningKeyBytes => Encoding.UTF8.GetBytes(SigningKey ?? string.Empty);
}
