using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary>
/// docs/api.md, the API's contract in the repository, lists every route: the ones in the OpenAPI document in
/// its generated route reference, which must be exactly what <see cref="ApiReferenceRenderer"/> writes from
/// the document the API serves now, and the others (health, metrics, the document itself) by hand.
/// </summary>
public sealed partial class ApiReferenceTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private static readonly string ApiMarkdown = Path.Combine(RepositoryLayout.Root, "docs", "api.md");

    [Fact]
    public async Task TheRouteReference_IsTheOneWrittenFromTheServedDocument()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var kept = File.Exists(ApiMarkdown) ? await File.ReadAllTextAsync(ApiMarkdown) : "# Spotlight API\n";

        var expected = ApiReferenceRenderer.Splice(kept, ApiReferenceRenderer.Render(document));

        if (expected != kept)
        {
            var fresh = Path.Combine(Path.GetTempPath(), $"spotlight-api-{Guid.NewGuid():N}.md");
            await File.WriteAllTextAsync(fresh, expected);
            Assert.Fail($"docs/api.md's route reference differs from the one written from the served /openapi/v1.json (only the part between its markers is written). If the API change is meant, review the new file and take it: cp {fresh} {ApiMarkdown}");
        }
    }

    [Fact]
    public async Task EveryRouteTheDocumentLeavesOut_IsListedByHand()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var described = DocumentOperation.All(document).Select(o => o.Route).ToHashSet(StringComparer.Ordinal);
        var markdown = await File.ReadAllTextAsync(ApiMarkdown);
        var begin = markdown.IndexOf(ApiReferenceRenderer.Begin, StringComparison.Ordinal);
        Assert.True(begin >= 0, "docs/api.md has no generated route reference; TheRouteReference_IsTheOneWrittenFromTheServedDocument says how to add it.");
        var handWritten = markdown[..begin];
        var listed = Backticked().Matches(handWritten).Select(m => m.Groups["path"].Value).ToList();

        var left = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: Pattern(e))))
            .Where(r => !described.Contains($"{r.Method} {r.Pattern}"))
            .ToList();
        // A listed path ending in '/' stands for everything below it (a dashboard's or API page's own files).
        var unlisted = left
            .Where(r => !listed.Any(path => Matcher(r.Pattern).IsMatch(path) || (path.EndsWith('/') && r.Pattern.StartsWith(path, StringComparison.Ordinal))))
            .Select(r => $"{r.Method} {r.Pattern}").Distinct().ToList();

        Assert.NotEmpty(left);
        Assert.True(unlisted.Count == 0, $"Routes outside the OpenAPI document that docs/api.md does not list (in backticks before the route reference: a path they match, or a folder ending in '/' they lie in): {string.Join(", ", unlisted)}");
    }

    /// <summary>The route's pattern as the document writes paths: no trailing slash, no parameter constraints.</summary>
    private static string Pattern(RouteEndpoint endpoint)
    {
        var raw = endpoint.RoutePattern.RawText ?? "/";
        var trimmed = raw.Length > 1 ? raw.TrimEnd('/') : raw;
        return ParameterConstraint().Replace(trimmed.StartsWith('/') ? trimmed : "/" + trimmed, "{${name}}");
    }

    /// <summary>A pattern as a regular expression over concrete paths: a parameter is one segment, a catch-all
    /// any rest.</summary>
    private static Regex Matcher(string pattern)
    {
        var expression = Regex.Escape(pattern)
            .Replace(@"\{\*", "{*", StringComparison.Ordinal)
            .Replace(@"\{", "{", StringComparison.Ordinal);
        expression = CatchAll().Replace(expression, ".*");
        expression = Segment().Replace(expression, "[^/]+");
        return new Regex($"^{expression}/?$");
    }

    [GeneratedRegex(@"`(?:(?:GET|POST) )?(?<path>/[^`\s]*)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\{(?<name>\*?[A-Za-z]+)(?::[^}]*|\?)?\}")]
    private static partial Regex ParameterConstraint();

    [GeneratedRegex(@"\{\*[^}]*\}")]
    private static partial Regex CatchAll();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Segment();
}
