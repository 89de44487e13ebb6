using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spotlight.ClientApi.Auth;
using Xunit.Abstractions;

namespace Spotlight.Tests.Api;

/// <summary>
/// Every API route, read from the running application's endpoint table (so a new route cannot escape),
/// called by an anonymous caller and by a caller of each role: routes that require sign-in answer 401 to
/// the anonymous caller; routes whose policy names roles answer 403 to every other role; no call is
/// answered 5xx. Role refusals come from the authorization middleware, before any endpoint code runs, so
/// they change nothing.
/// </summary>
public partial class AuthorizationMatrixTests(DevelopmentApiFactory factory, ITestOutputHelper output) : IClassFixture<DevelopmentApiFactory>
{
    /// <summary>Who may call each route (SPEC "Roles"); ownership is checked inside the routes.</summary>
    private static readonly Dictionary<string, string> ExpectedPolicies = new(StringComparer.Ordinal)
    {
        ["POST /api/artists/"] = "artist",
        ["GET /api/artists/{id}"] = "anonymous",
        ["POST /api/artists/{id}/tracks"] = "artist",
        ["POST /api/artists/{id}/verification"] = "reviewer-or-admin",
        ["POST /api/creators/{id}/policy"] = "reviewer",
        ["GET /api/creators/{id}/rewards"] = "creator-or-admin",
        ["POST /api/engagement"] = "ingest",
        ["GET /api/playlists/featured"] = "anonymous",
        ["GET /api/reviews/links/"] = "reviewer-or-admin",
        ["POST /api/reviews/links/"] = "reviewer",
        ["GET /api/reviews/tracks"] = "reviewer-or-admin",
        ["POST /api/seasons/"] = "admin",
        ["GET /api/seasons/{id}"] = "anonymous",
        ["POST /api/seasons/{id}/judges"] = "admin",
        ["POST /api/seasons/{id}/rounds/{n}/close"] = "admin",
        ["GET /api/seasons/{id}/rounds/{n}/leaderboard"] = "anonymous",
        ["GET /api/seasons/{id}/rounds/{n}/leaderboard/live"] = "anonymous",
        ["GET /api/seasons/{id}/rounds/{n}/results"] = "anonymous",
        ["POST /api/seasons/{id}/rounds/{n}/scores"] = "judge",
        ["GET /api/seasons/{id}/shortlist"] = "subject",
        ["GET /api/studios/{id}/titles"] = "studio-or-admin",
        ["POST /api/titles/"] = "studio-or-admin",
        ["GET /api/titles/{id}"] = "anonymous",
        ["GET /api/titles/{id}/analytics"] = "studio-or-admin",
        ["GET /api/titles/{id}/campaigns/"] = "studio-or-admin",
        ["POST /api/titles/{id}/campaigns/"] = "studio",
        ["GET /api/titles/{id}/hub"] = "anonymous",
        ["POST /api/titles/{id}/hub/clicks"] = "anonymous",
        ["GET /api/tracks/{id}"] = "anonymous",
        ["POST /api/tracks/{id}/review"] = "reviewer",
        ["POST /api/videos/"] = "creator-or-ingest",
        ["GET /api/videos/{id}"] = "anonymous",
        ["POST /api/videos/{id}/policy"] = "reviewer",
    };

    [Fact]
    public async Task EveryRoute_AnswersEachCaller_AsItsPolicySays()
    {
        var routes = Routes();
        Assert.True(routes.Count >= 30, $"only {routes.Count} API routes found");
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var callers = new List<(string Name, HttpClient Client, string? Role)> { ("anonymous", factory.CreateClient(), null) };
        callers.AddRange(Roles.All.Order(StringComparer.Ordinal).Select(role => (role, factory.ClientFor($"matrix-{role}", role), (string?)role)));

        var failures = new List<string>();
        var requests = 0;
        foreach (var route in routes)
        {
            var allowed = await AllowedRolesAsync(route, policies);
            foreach (var (name, client, role) in callers)
            {
                requests++;
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.SamplePath);
                if (route.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var expected = Expectation(allowed, role);
                if (status >= 500 || (expected is { } code && status != code) || (expected is null && status is 401 or 403 && allowed.Anonymous))
                {
                    failures.Add($"{route.Method} {route.Pattern} as {name}: {status}, expected {expected?.ToString() ?? "no 401/403/5xx"}");
                }
                else if (expected is null && status == 401)
                {
                    failures.Add($"{route.Method} {route.Pattern} as {name}: 401 for a signed-in caller its policy admits");
                }
            }
        }

        // Every route is reviewed here: a new one fails this line until its policy is written down below.
        Assert.Equal(ExpectedPolicies.OrderBy(p => p.Key, StringComparer.Ordinal), routes.Select(r => KeyValuePair.Create($"{r.Method} {r.Pattern}", PolicyOf(r))).OrderBy(p => p.Key, StringComparer.Ordinal));
        output.WriteLine($"authorization matrix: {routes.Count} routes × {callers.Count} callers = {requests} requests, {failures.Count} unexpected answers, 0 allowed 5xx");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>401 for the anonymous caller of a protected route, 403 for a role its policy leaves out; null:
    /// the role passes the policy (the route may still refuse for ownership, or for the empty body).</summary>
    private static int? Expectation((bool Anonymous, IReadOnlySet<string>? Roles) allowed, string? role) =>
        allowed.Anonymous ? null
        : role is null ? 401
        : allowed.Roles is { } roles && !roles.Contains(role) ? 403
        : null;

    private static string PolicyOf(ApiRoute route) =>
        route.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? "anonymous"
        : string.Join("+", route.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));

    private static async Task<(bool Anonymous, IReadOnlySet<string>? Roles)> AllowedRolesAsync(ApiRoute route, IAuthorizationPolicyProvider policies)
    {
        if (route.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return (true, null);
        }

        var names = route.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
        Assert.True(names.Count > 0, $"{route.Method} {route.Pattern} declares neither AllowAnonymous nor a policy");
        HashSet<string>? roles = null;
        foreach (var name in names)
        {
            var policy = await policies.GetPolicyAsync(name) ?? throw new Xunit.Sdk.XunitException($"unknown policy {name}");
            foreach (var requirement in policy.Requirements.OfType<RolesAuthorizationRequirement>())
            {
                roles = roles is null ? [.. requirement.AllowedRoles] : [.. roles.Intersect(requirement.AllowedRoles)];
            }
        }

        return (false, roles);
    }

    private List<ApiRoute> Routes() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RoutePattern.RawText != "/api/dev/tokens")
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ApiRoute(e, m, e.RoutePattern.RawText!)))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];

    private sealed record ApiRoute(RouteEndpoint Endpoint, string Method, string Pattern)
    {
        /// <summary>The pattern with its parameters filled in ("1" for a round number, an id otherwise).</summary>
        public string SamplePath => Parameter().Replace(Pattern.TrimEnd('/'), m => m.Groups["name"].Value == "n" ? "1" : "matrix-id");
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
