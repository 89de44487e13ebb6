using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.Diagnostics;
using Xunit.Abstractions;

namespace Spotlight.Tests.Api;

/// <summary>
/// Malformed input against every POST route of the endpoint table, from a caller holding every role (so
/// that bodies, not permissions, are what is tested): invalid JSON, wrong types, missing and extra fields,
/// nulls, huge strings and arrays, negative and overflowing numbers, unknown enum values, bad dates and URLs,
/// unicode edge cases. No answer may be a 5xx; every 400 must be a problem detail naming at least one field;
/// and a refused creation must leave nothing behind (the id it named does not exist afterwards). The one
/// POST route without a body, Development's retained-memory report, is left out: it takes no input.
/// </summary>
public class MalformedInputFuzzTests(DevelopmentApiFactory factory, ITestOutputHelper output) : IClassFixture<DevelopmentApiFactory>
{
    private const int RequestsPerRoute = 700;

    private static readonly JsonNode?[] OddValues =
    [
        null, true, false, 0, -1, 1.5, long.MaxValue, long.MinValue, double.MaxValue, JsonValue.Create("9223372036854775808"),
        "", " ", "x", new string('x', 100_000), "\u0000", "\ud83c\udfb5 emoji", "\u202e reversed", "e\u0301\u0301\u0301", "null", "NaN",
        "2026-13-45T99:99:99Z", "not a date", "javascript:alert(1)", "http://", "ftp://example.com/a", "https://", "https://example.com/ok",
        "movie", "show", "stream", "tickets", "frame", "view", "share", "clear", "reject", "approve", "violation", "ok", "admin", "JP", "jp", "ZZ",
        new JsonArray(), new JsonArray(1, 2, 3), new JsonArray(Enumerable.Range(0, 10_000).Select(_ => (JsonNode?)null).ToArray()),
        new JsonObject(), new JsonObject { ["nested"] = new JsonObject { ["deeper"] = new JsonArray("x") } },
    ];

    private static readonly string[] FieldNames =
    [
        "id", "name", "displayName", "region", "bio", "links", "contactEmail", "title", "audioUrl", "durationSeconds", "originalWork",
        "seasonId", "regions", "partners", "rounds", "winners", "prizes", "opensAt", "closesAt", "advance", "popularityWeight", "judgeWeight",
        "userId", "trackId", "score", "decision", "reason", "status", "batchId", "events", "videoId", "kind", "count", "at", "creatorId",
        "creatorFollowers", "hashtags", "caption", "visualTags", "studioId", "cast", "socials", "whereToWatch", "keywords", "minFollowers",
        "minViews", "target", "rewards", "minLinkedViews", "description", "quantity", "provider", "url", "role", "platform",
    ];

    private static readonly string[] RawBodies =
    [
        "", "{", "}", "[]", "null", "\"text\"", "42", "{\"a\":}", "{\"id\": 1,}", "{'single': 'quotes'}", "{\"x\":\"\\ud800\"}",
        "\u0000\u0001\u0002", new string('[', 5_000), "{\"id\":\"" + new string('a', 1_000_000) + "\"}",
    ];

    [Fact]
    public async Task TenThousandMalformedRequests_NoServerError_EveryRefusalNamesAField_NothingHalfWritten()
    {
        var client = factory.ClientFor("fuzz-user", [.. Roles.All]);
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                && e.RoutePattern.RawText != RetainedMemoryEndpoints.Route)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} POST routes found");

        var random = new Random(20261123);
        var failures = new List<string>();
        var (requests, refused, leftovers) = (0, 0, 0);
        foreach (var pattern in routes)
        {
            for (var i = 0; i < RequestsPerRoute; i++)
            {
                var newId = $"fz{requests:D6}";
                var path = SamplePath(pattern, random);
                var body = i < RawBodies.Length ? RawBodies[i] : RandomBody(random, newId).ToJsonString();
                using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                requests++;
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                {
                    failures.Add($"{status} from POST {path} with {Shorten(body)}: {Shorten(text)}");
                    continue;
                }

                if (status >= 400)
                {
                    refused++;
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{status} without a problem detail from POST {path} with {Shorten(body)}");
                    }
                    else if (status == 400 && !(JsonNode.Parse(text)?["errors"] is JsonObject errors && errors.Count > 0))
                    {
                        failures.Add($"400 naming no field from POST {path} with {Shorten(body)}: {Shorten(text)}");
                    }

                    // A refused creation of a named resource leaves none behind.
                    if (CreatedAt(pattern, newId) is { } created && body.Contains(newId, StringComparison.Ordinal)
                        && (await client.GetAsync(created)).StatusCode != HttpStatusCode.NotFound)
                    {
                        leftovers++;
                        failures.Add($"{created} exists after POST {path} was refused with {status}");
                    }
                }
            }
        }

        output.WriteLine($"malformed-input fuzzing: {requests} requests over {routes.Count} POST routes, {refused} refused with a 4xx, " +
            $"{failures.Count(f => f.StartsWith('5'))} answered 5xx, {leftovers} left something behind");
        Assert.True(requests >= 10_000, $"only {requests} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    /// <summary>An object of a few random known fields with odd values, sometimes carrying a fresh id.</summary>
    private static JsonObject RandomBody(Random random, string newId)
    {
        var body = new JsonObject();
        if (random.Next(2) == 0)
        {
            body["id"] = newId;
        }

        for (var f = random.Next(0, 6); f > 0; f--)
        {
            var value = OddValues[random.Next(OddValues.Length)];
            body[FieldNames[random.Next(FieldNames.Length)]] = value?.DeepClone();
        }

        if (random.Next(4) == 0)
        {
            var item = new JsonObject();
            for (var f = random.Next(1, 4); f > 0; f--)
            {
                item[FieldNames[random.Next(FieldNames.Length)]] = OddValues[random.Next(OddValues.Length)]?.DeepClone();
            }

            body[FieldNames[random.Next(FieldNames.Length)]] = new JsonArray(item, null, OddValues[random.Next(OddValues.Length)]?.DeepClone());
        }

        return body;
    }

    private static string SamplePath(string pattern, Random random) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(?<name>[A-Za-z]+)[^}]*\}", m => m.Groups["name"].Value == "n"
            ? new[] { "1", "0", "-1", "99", "2147483648" }[random.Next(5)]
            : new[] { "fuzz-id", "bad%20id", new string('x', 65), "%E2%80%AE" }[random.Next(4)]);

    /// <summary>Where a creation route's resource would be read, for routes whose body names the id.</summary>
    private static string? CreatedAt(string pattern, string id) => pattern switch
    {
        "/api/seasons" => $"/api/seasons/{id}",
        "/api/titles" => $"/api/titles/{id}",
        "/api/videos" => $"/api/videos/{id}",
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
