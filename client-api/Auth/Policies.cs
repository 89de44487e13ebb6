using Microsoft.AspNetCore.Authorization;

namespace Spotlight.ClientApi.Auth;

/// <summary>Role policies. Ownership (an artist's own profile, a studio's own titles) is checked by the
/// endpoints against the resource, after the role policy let the caller in.</summary>
public static class Policies
{
    public const string Artist = "artist";
    public const string ReviewerOrAdmin = "reviewer-or-admin";
    public const string Admin = "admin";
    public const string Reviewer = "reviewer";
    public const string Ingest = "ingest";
    public const string CreatorOrIngest = "creator-or-ingest";
    public const string Judge = "judge";
    public const string StudioOrAdmin = "studio-or-admin";
    public const string Studio = "studio";
    public const string CreatorOrAdmin = "creator-or-admin";

    /// <summary>Any signed-in caller with a subject; the endpoint decides (partners of one season, admins).</summary>
    public const string Subject = "subject";

    public static AuthorizationBuilder AddSpotlightPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Artist, policy => policy.RequireSubject().RequireRole(Roles.Artist))
        .AddPolicy(ReviewerOrAdmin, policy => policy.RequireSubject().RequireRole(Roles.Reviewer, Roles.Admin))
        .AddPolicy(Admin, policy => policy.RequireSubject().RequireRole(Roles.Admin))
        .AddPolicy(Reviewer, policy => policy.RequireSubject().RequireRole(Roles.Reviewer))
        .AddPolicy(Ingest, policy => policy.RequireSubject().RequireRole(Roles.Ingest))
        .AddPolicy(CreatorOrIngest, policy => policy.RequireSubject().RequireRole(Roles.Creator, Roles.Ingest))
        .AddPolicy(Judge, policy => policy.RequireSubject().RequireRole(Roles.Judge))
        .AddPolicy(StudioOrAdmin, policy => policy.RequireSubject().RequireRole(Roles.Studio, Roles.Admin))
        .AddPolicy(Studio, policy => policy.RequireSubject().RequireRole(Roles.Studio))
        .AddPolicy(CreatorOrAdmin, policy => policy.RequireSubject().RequireRole(Roles.Creator, Roles.Admin))
        .AddPolicy(Subject, policy => policy.RequireSubject());

    // Ownership is decided by "sub", so a token without one is refused rather than treated as nobody's.
    private static AuthorizationPolicyBuilder RequireSubject(this AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireClaim(SpotlightClaims.Subject);
}
