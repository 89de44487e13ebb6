using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
/// answered 5xx. Then every changing route is called again by each caller it refuses, this time with a valid
/// request against real resources, and nothing it could have changed has changed.
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
        ["POST /api/dev/retained-memory"] = "admin",
        ["POST /api/engagement"] = "ingest",
        ["GET /api/playlists/featured"] = "anonymous",
        ["GET /api/now"] = "anonymous",
        ["GET /api/audit"] = "admin",
        ["GET /api/artists/{id}/insights"] = "subject",
        ["GET /api/reviews/links/"] = "reviewer-or-admin",
        ["POST /api/reviews/links/"] = "reviewer",
        ["GET /api/reviews/tracks"] = "reviewer-or-admin",
        ["POST /api/seasons/"] = "admin",
        ["GET /api/seasons/"] = "anonymous",
        ["GET /api/seasons/{id}"] = "anonymous",
        ["POST /api/seasons/{id}/judges"] = "admin",
        ["POST /api/seasons/{id}/rounds/{n}/close"] = "admin",
        ["POST /api/seasons/{id}/rounds/{n}/exclusions"] = "reviewer-or-admin",
        ["GET /api/seasons/{id}/rounds/{n}/flags"] = "reviewer-or-admin",
        ["GET /api/seasons/{id}/rounds/{n}/leaderboard"] = "anonymous",
        ["GET /api/seasons/{id}/rounds/{n}/leaderboard/live"] = "anonymous",
        ["GET /api/seasons/{id}/rounds/{n}/results"] = "anonymous",
        ["GET /api/seasons/{id}/rounds/{n}/scores"] = "judge",
        ["POST /api/seasons/{id}/rounds/{n}/scores"] = "judge",
        ["GET /api/seasons/{id}/shortlist"] = "subject",
        ["GET /api/studios/{id}/titles"] = "studio-or-admin",
        ["POST /api/titles/"] = "studio-or-admin",
        ["GET /api/titles/"] = "anonymous",
        ["GET /api/titles/{id}"] = "anonymous",
        ["GET /api/titles/{id}/alerts/"] = "studio-or-admin",
        ["POST /api/titles/{id}/alerts/"] = "studio",
        ["GET /api/titles/{id}/alerts/fired"] = "studio-or-admin",
        ["GET /api/titles/{id}/alerts/live"] = "studio-or-admin",
        ["GET /api/titles/{id}/analytics"] = "studio-or-admin",
        ["GET /api/titles/{id}/campaigns/"] = "studio-or-admin",
        ["POST /api/titles/{id}/campaigns/"] = "studio",
        ["GET /api/titles/{id}/hub"] = "anonymous",
        ["POST /api/titles/{id}/hub/clicks"] = "anonymous",
        ["GET /api/tracks/{id}"] = "anonymous",
        ["GET /api/tracks/{id}/history"] = "anonymous",
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
        var callers = Callers("matrix");

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

                if (status is 401 or 403 && await RefusalDetailAsync(response) is null)
                {
                    failures.Add($"{route.Method} {route.Pattern} as {name}: {status} without a problem detail saying what is missing");
                }
            }
        }

        // Every route is reviewed here: a new one fails this line until its policy is written down below.
        Assert.Equal(ExpectedPolicies.OrderBy(p => p.Key, StringComparer.Ordinal), routes.Select(r => KeyValuePair.Create($"{r.Method} {r.Pattern}", PolicyOf(r))).OrderBy(p => p.Key, StringComparer.Ordinal));
        output.WriteLine($"authorization matrix: {routes.Count} routes × {callers.Count} callers = {requests} requests, {failures.Count} unexpected answers, 0 allowed 5xx");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The detail of a refusal's problem body, or null when there is none to read.</summary>
    private static async Task<string?> RefusalDetailAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text ? text : null;
    }

    [Fact]
    public async Task RefusedCalls_WithValidRequests_ChangeNothing()
    {
        var scenario = await MatrixScenario.CreateAsync(factory);
        var valid = ValidRequests(scenario);
        var routes = Routes().Where(r => r.Method == "POST").ToList();
        // A new changing route fails here until it has a valid request below.
        Assert.Equal(routes.Select(r => r.Pattern).Order(StringComparer.Ordinal), valid.Keys.Order(StringComparer.Ordinal));
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var callers = Callers("refused");

        var before = await scenario.SettledSnapshotAsync();
        var refused = new List<string>();
        foreach (var route in routes)
        {
            var allowed = await AllowedRolesAsync(route, policies);
            foreach (var (name, client, role) in callers)
            {
                if (Expectation(allowed, role) is not { } expected)
                {
                    continue;
                }

                var (path, body) = valid[route.Pattern];
                var batchId = $"refused-{name}";
                using var response = await client.PostAsJsonAsync(path, route.Pattern == "/api/engagement" ? scenario.Batch(batchId) : body);
                Assert.True((int)response.StatusCode == expected, $"POST {path} as {name}: {(int)response.StatusCode}, expected {expected}");
                refused.Add(route.Pattern == "/api/engagement" ? batchId : $"{route.Pattern} as {name}");
            }
        }

        Assert.Equal(before, await scenario.SnapshotAsync());
        await scenario.AssertNothingCreatedAsync();
        // A refused batch was never accepted: the ingest service's first post of its id is not a duplicate.
        foreach (var batchId in refused.Where(r => r.StartsWith("refused-", StringComparison.Ordinal)))
        {
            var accepted = await scenario.Api.Ingest.PostAsJsonAsync("/api/engagement", scenario.Batch(batchId));
            Assert.False((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean(), batchId);
        }

        output.WriteLine($"refused calls with valid requests: {refused.Count} over {routes.Count} changing routes, state unchanged");
    }

    /// <summary>An anonymous caller, then one signed-in caller per role (subjects named after the role).</summary>
    private List<(string Name, HttpClient Client, string? Role)> Callers(string subjectPrefix) =>
        [("anonymous", factory.CreateClient(), null),
         .. Roles.All.Order(StringComparer.Ordinal).Select(role => (role, factory.ClientFor($"{subjectPrefix}-{role}", role), (string?)role))];

    /// <summary>A request each changing route would carry out for a caller its policy admits.</summary>
    private static Dictionary<string, (string Path, object? Body)> ValidRequests(MatrixScenario s) => new(StringComparer.Ordinal)
    {
        ["/api/artists/"] = ("/api/artists", new { displayName = "Refused Artist", region = "JP" }),
        ["/api/artists/{id}/tracks"] = ($"/api/artists/{s.ArtistId}/tracks", ApiScenario.Track("Refused Track")),
        ["/api/artists/{id}/verification"] = ($"/api/artists/{s.ArtistId}/verification", null),
        ["/api/creators/{id}/policy"] = ($"/api/creators/{s.CreatorId}/policy", new { status = "violation", reason = "Refused." }),
        ["/api/dev/retained-memory"] = ("/api/dev/retained-memory", null),
        ["/api/engagement"] = ("/api/engagement", null),
        ["/api/reviews/links/"] = ("/api/reviews/links", new { videoId = s.VideoId, titleId = s.TitleId, decision = "approve" }),
        ["/api/seasons/"] = ("/api/seasons", SeasonScenario.TwoRounds(s.NewSeasonId)),
        ["/api/seasons/{id}/judges"] = ($"/api/seasons/{s.SeasonId}/judges", new { userId = "refused-judge" }),
        ["/api/seasons/{id}/rounds/{n}/close"] = ($"/api/seasons/{s.SeasonId}/rounds/1/close", null),
        ["/api/seasons/{id}/rounds/{n}/exclusions"] = ($"/api/seasons/{s.SeasonId}/rounds/1/exclusions", new { videoId = s.EnteredVideoId, from = SeasonScenario.ThisMinute.AddMinutes(-5), to = SeasonScenario.ThisMinute, reason = "Refused." }),
        ["/api/seasons/{id}/rounds/{n}/scores"] = ($"/api/seasons/{s.SeasonId}/rounds/1/scores", new { trackId = s.EnteredTrackId, score = 10 }),
        ["/api/titles/"] = ("/api/titles", new { id = s.NewTitleId, name = "Refused", kind = "movie", studioId = MatrixScenario.StudioId }),
        ["/api/titles/{id}/alerts/"] = ($"/api/titles/{s.TitleId}/alerts", new { id = "refused", kind = "engagement-rate", threshold = 10, window = 60 }),
        ["/api/titles/{id}/campaigns/"] = ($"/api/titles/{s.TitleId}/campaigns", new { id = "refused", name = "Refused", rewards = new[] { new { kind = "frame", description = "A frame", quantity = 1 } }, minLinkedViews = 0 }),
        ["/api/titles/{id}/hub/clicks"] = ($"/api/titles/{s.TitleId}/hub/clicks", new { target = "StreamCo" }),
        ["/api/tracks/{id}/review"] = ($"/api/tracks/{s.SubmittedTrackId}/review", new { decision = "clear" }),
        ["/api/videos/"] = ("/api/videos", new { id = s.NewVideoId, creatorId = s.CreatorId, creatorFollowers = 5000, hashtags = Array.Empty<string>(), caption = "", visualTags = Array.Empty<string>() }),
        ["/api/videos/{id}/policy"] = ($"/api/videos/{s.VideoId}/policy", new { status = "violation", reason = "Refused." }),
    };

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
