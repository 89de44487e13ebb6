using System.Security.Claims;

namespace Spotlight.ClientApi.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The token's subject; only called behind an authorization policy, so it is present.</summary>
    public static string SubjectId(this ClaimsPrincipal user) =>
        user.FindFirstValue(SpotlightClaims.Subject)
        ?? throw new InvalidOperationException("An authenticated caller has no 'sub' claim.");
}
