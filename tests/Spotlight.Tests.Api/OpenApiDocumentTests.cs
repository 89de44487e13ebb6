using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.OpenApi;
using Spotlight.Domain;

namespace Spotlight.Tests.Api;

/// <summary>
/// <c>/openapi/v1.json</c> as a client generator and an outside linter read it: every operation named and
/// saying who may call it, the words each string field accepts, optional fields not marked required and the
/// ones the API cannot do without marked so, and Redocly's recommended rules (<c>redocly lint</c>) passing
/// with no error and no warning.
/// </summary>
public sealed class OpenApiDocumentTests(DevelopmentApiFactory development) : IClassFixture<DevelopmentApiFactory>
{
    /// <summary>Pinned, so that a new rule in a later release cannot fail a build that changed nothing.</summary>
    private const string Redocly = "@redocly/cli@2.77.0";

    private Task<JsonElement> DocumentAsync() => development.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    private static IEnumerable<(string Route, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)));

    [Fact]
    public async Task RedoclyLint_RecommendedRules_FindNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"spotlight-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).GetRawText());
        try
        {
            var (exitCode, output, errors) = await ExternalTool.RunAsync("npx", ["--yes", Redocly, "lint", file, "--format=json"],
                "the OpenAPI lint runs Redocly through npx: install Node.js and npm (Debian: apt-get install nodejs npm).",
                environment: new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });
            Assert.True(output.Contains('{', StringComparison.Ordinal), $"redocly printed no report (exit {exitCode}): {errors}");
            var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
            var totals = report.GetProperty("totals");
            var problems = string.Join("\n", report.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("ruleId")}: {p.GetProperty("message")}"));
            Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0, problems);
            Assert.Equal(0, exitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task EveryOperation_HasAUniqueId_AndSaysWhoMayCallIt()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.DoesNotContain(null, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var ingest = operations.Single(o => o.Route == "POST /api/engagement").Operation;
        Assert.Contains("`ingest`", ingest.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(ingest.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(ingest.GetProperty("responses").TryGetProperty("403", out _));
        var review = operations.Single(o => o.Route == "POST /api/tracks/{id}/review").Operation;
        Assert.Contains("`reviewer`", review.GetProperty("description").GetString(), StringComparison.Ordinal);

        // Open to everyone: no token asked for, no 401 promised.
        var season = operations.Single(o => o.Route == "GET /api/seasons/{id}").Operation;
        Assert.Equal(0, season.GetProperty("security").GetArrayLength());
        Assert.False(season.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task TheDocument_NamesItselfItsLicenceAndEveryTag()
    {
        var document = await DocumentAsync();

        Assert.Equal("Spotlight API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("info").GetProperty("license").TryGetProperty("identifier", out _));
        Assert.Equal("/", Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        var used = Operations(document).SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();
        Assert.Subset(SpotlightDocumentTransformer.Tags.Keys.ToHashSet(), used);
    }

    [Fact]
    public async Task StringFields_ListTheWordsTheyAccept()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        string[] Words(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];
        string[] Property(string schema, string property) => Words(schemas.GetProperty(schema).GetProperty("properties").GetProperty(property));
        string[] Query(string route, string name) => Words(Operations(document).Single(o => o.Route == route).Operation
            .GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema"));

        Assert.Equal(["clear", "reject"], Property("ReviewTrackRequest", "decision"));
        Assert.Equal(["approve", "reject"], Property("LinkDecisionRequest", "decision"));
        Assert.Equal([PolicyRules.Violation, PolicyRules.Ok], Property("PolicyRequest", "status"));
        Assert.Equal(["movie", "show"], Property("CreateTitleRequest", "kind"));
        Assert.Equal(["stream", "rent", "buy", "tickets"], Property("WatchOptionPlan", "kind"));
        Assert.Equal(["frame", "filter", "merch", "tickets"], Property("RewardPlan", "kind"));
        Assert.Equal(["pending", "approved", "rejected"], Query("GET /api/reviews/links", "status"));
        Assert.Equal(["minute", "hour", "day"], Query("GET /api/titles/{id}/analytics", "bucket"));

        var batch = schemas.GetProperty("EngagementBatchRequest");
        var evt = batch.GetProperty("properties").GetProperty("events").GetProperty("items");
        Assert.Equal(EngagementRules.KindNames, Words(evt.GetProperty("properties").GetProperty("kind")));
        Assert.Equal(["videoId", "kind"], evt.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.True(batch.GetProperty("examples").GetArrayLength() > 0);
    }

    [Fact]
    public async Task FieldsACallerMayLeaveOut_AreNotRequired()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        string[] Required(string schema) => schemas.GetProperty(schema).TryGetProperty("required", out var required)
            ? [.. required.EnumerateArray().Select(r => r.GetString()!)]
            : [];

        Assert.DoesNotContain("reason", Required("ReviewTrackRequest"));
        Assert.DoesNotContain("winners", Required("CreateSeasonRequest"));
        Assert.DoesNotContain("advance", Required("RoundPlan"));
        // What an answer always carries stays required.
        Assert.Contains("batchId", Required("EngagementResponse"));
    }

    [Fact]
    public async Task FieldsTheApiCannotDoWithout_AreRequired_AndNotNull()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        string[] Required(string schema) => [.. schemas.GetProperty(schema).GetProperty("required").EnumerateArray().Select(r => r.GetString()!)];
        string Type(string schema, string property) => schemas.GetProperty(schema).GetProperty("properties").GetProperty(property).GetProperty("type").ToString();

        Assert.Equal(["id", "name", "regions", "rounds"], Required("CreateSeasonRequest"));
        Assert.Equal(["opensAt", "closesAt"], Required("RoundPlan"));
        Assert.Equal(["provider", "kind", "url", "regions"], Required("WatchOptionPlan"));
        Assert.Equal("string", Type("CreateSeasonRequest", "name"));
        Assert.Equal("array", Type("CreateSeasonRequest", "rounds"));
        // Optional ones may still be null.
        Assert.Contains("null", Type("CreateSeasonRequest", "partners"), StringComparison.Ordinal);
    }
}
