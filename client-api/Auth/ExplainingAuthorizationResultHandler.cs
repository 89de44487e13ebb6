using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Spotlight.ClientApi.Auth;

/// <summary>
/// Answers a refused policy with a problem body that says what was missing: a token (401), or the role or
/// claim the route's policy asks for (403). It names only the policy's requirements and the caller's own
/// roles, never anything about a resource. Refusals an endpoint decides (ownership) carry their own detail.
/// </summary>
public sealed class ExplainingAuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The bearer handler sets the status and WWW-Authenticate; the body says what to do.
            await ChallengeAsync(context, policy);
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required.", ChallengeDetail(context));
        }
        else if (authorizeResult.Forbidden)
        {
            await ForbidAsync(context, policy);
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden.", ForbiddenDetail(context.User, authorizeResult.AuthorizationFailure));
        }
        else
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    /// <summary>What the caller lacks, from the failed requirements of the route's policy.</summary>
    public static string ForbiddenDetail(ClaimsPrincipal user, AuthorizationFailure? failure)
    {
        var requirements = failure?.FailedRequirements.ToList() ?? [];
        if (requirements.OfType<ClaimsAuthorizationRequirement>().Any(r => r.ClaimType == SpotlightClaims.Subject))
        {
            return $"The token has no \"{SpotlightClaims.Subject}\" claim; routes that need a role identify the caller by it.";
        }

        var needed = requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct(StringComparer.Ordinal).ToList();
        if (needed.Count == 0)
        {
            return "The caller's token does not meet this route's policy.";
        }

        var held = user.FindAll(SpotlightClaims.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        var roles = needed.Count == 1 ? $"the role \"{needed[0]}\"" : $"one of the roles {string.Join(", ", needed.Select(r => $"\"{r}\""))}";
        return $"This route needs {roles}; the token has {(held.Count == 0 ? "no role" : string.Join(", ", held.Select(r => $"\"{r}\"")))}.";
    }

    private static string ChallengeDetail(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0
            ? "The bearer token was not accepted: it may have expired, or it was not issued for this API."
            : "This route needs a signed-in caller: send \"Authorization: Bearer <token>\".";

    // As the default handler does: each of the policy's schemes, or the default scheme when it names none.
    private static Task ChallengeAsync(HttpContext context, AuthorizationPolicy policy) =>
        EachSchemeAsync(policy, scheme => context.ChallengeAsync(scheme));

    private static Task ForbidAsync(HttpContext context, AuthorizationPolicy policy) =>
        EachSchemeAsync(policy, scheme => context.ForbidAsync(scheme));

    private static async Task EachSchemeAsync(AuthorizationPolicy policy, Func<string?, Task> act)
    {
        if (policy.AuthenticationSchemes.Count == 0)
        {
            await act(null);
            return;
        }

        foreach (var scheme in policy.AuthenticationSchemes)
        {
            await act(scheme);
        }
    }

    private Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new() { Status = status, Title = title, Detail = detail },
        }).AsTask();
}
