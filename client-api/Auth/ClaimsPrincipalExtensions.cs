using System.Security.Claims;

namespace Spotlight.ClientApi.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The token's subject; only called behind an authorization policy, so it is present.</summary>
    public static string SubjectId(this ClaimsPrincipal user) =>
        user.FindFirstValue(SpotlightClaims.Subject)
        ?? throw new InvalidOperationException("An authenticated caller has no 'sub' claim.");

    /// <summary>The subject of an authenticated caller, or null for anonymous ones.</summary>
    public static string? SubjectOrNull(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(SpotlightClaims.Subject) : null;

    /// <summary>Reviewers and admins see what the public does not (contact data, pending tracks, who reviewed).</summary>
    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Admin);

    /// <summary>A studio caller acting for <paramref name="studioId"/> (its token's studio claim).</summary>
    public static bool IsStudioOf(this ClaimsPrincipal user, string studioId) =>
        user.IsInRole(Roles.Studio) && user.FindFirstValue(SpotlightClaims.StudioId) == studioId;

    /// <summary>An admin, or a caller of the studio <paramref name="studioId"/>: who may read a studio's data.</summary>
    public static bool ActsForStudio(this ClaimsPrincipal user, string studioId) => user.IsInRole(Roles.Admin) || user.IsStudioOf(studioId);
}
