using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spotlight.ClientApi.Auth;
using Spotlight.ClientApi.OpenApi;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Api;

/// <summary>
/// The example requests in <c>/openapi/v1.json</c> (<see cref="RequestExamples"/>, shown in docs/api.md) work:
/// sent as written, in the order of the story they tell, each gets the success status the document declares,
/// by a caller with a role the document names. Before a body is sent whole it is sent once without each field
/// the document marks required, and each of those must be a 400 naming the field, so the document cannot call
/// a field required that the API does without.
/// </summary>
public sealed class RequestExampleApiTests(DevelopmentApiFactory factory, ITestOutputHelper output) : IClassFixture<DevelopmentApiFactory>
{
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(30);

    /// <summary>Every operation, in the order of the story: a step may use what the steps before it made.</summary>
    private static readonly string[] Story =
    [
        "devTokenMint", "seasonCreate", "seasonList", "seasonGet", "seasonAddJudge",
        "artistCreate", "artistGet", "artistVerify", "artistSubmitTrack", "trackGetQueue", "trackReview", "trackGet", "trackGetHistory", "artistInsightsGet",
        "playlistGetFeatured", "titleCreate", "titleSearch", "titleGet", "studioListTitles",
        "videoRegister", "videoGet", "engagementIngest", "linkReviewList", "linkReviewDecide",
        "titleGetHub", "titleClick", "titleAnalyticsGet", "campaignCreate", "campaignList",
        "titleAlertAdd", "titleAlertList", "titleAlertListFired", "titleAlertWatchFired", "creatorGetRewards",
        "seasonScore", "seasonGetOwnScores", "seasonGetLeaderboard", "seasonWatchLeaderboard", "seasonGetShortlist",
        "roundReviewGetFlags", "roundReviewExclude", "seasonClose", "seasonGetResults", "videoSetPolicy", "creatorSetPolicy", "onNowGet", "auditRead", "retainedMemoryProbeMeasure",
    ];

    private static readonly Caller Admin = new("ada", Roles.Admin);
    private static readonly Caller Reviewer = new("rei", Roles.Reviewer);
    private static readonly Caller Studio = new("sam", Roles.Studio, RequestExamples.StudioId);
    private static readonly Caller Creator = new(RequestExamples.Creator, Roles.Creator);

    /// <summary>Who sends each example that needs a token (the owner, where a route checks ownership).</summary>
    private static readonly Dictionary<string, Caller> Callers = new(StringComparer.Ordinal)
    {
        ["retainedMemoryProbeMeasure"] = Admin,
        ["seasonCreate"] = Admin,
        ["seasonAddJudge"] = Admin,
        ["seasonClose"] = Admin,
        ["artistCreate"] = new("aiko", Roles.Artist),
        ["artistSubmitTrack"] = new("aiko", Roles.Artist),
        ["artistInsightsGet"] = new("aiko", Roles.Artist),
        ["auditRead"] = Admin,
        ["artistVerify"] = Reviewer,
        ["trackGetQueue"] = Reviewer,
        ["trackReview"] = Reviewer,
        ["linkReviewList"] = Reviewer,
        ["linkReviewDecide"] = Reviewer,
        ["videoSetPolicy"] = Reviewer,
        ["creatorSetPolicy"] = Reviewer,
        ["roundReviewGetFlags"] = Reviewer,
        ["roundReviewExclude"] = Reviewer,
        ["titleCreate"] = Studio,
        ["studioListTitles"] = Studio,
        ["titleAnalyticsGet"] = Studio,
        ["campaignCreate"] = Studio,
        ["campaignList"] = Studio,
        ["titleAlertAdd"] = Studio,
        ["titleAlertList"] = Studio,
        ["titleAlertListFired"] = Studio,
        ["titleAlertWatchFired"] = Studio,
        ["videoRegister"] = Creator,
        ["creatorGetRewards"] = Creator,
        ["engagementIngest"] = new("feed", Roles.Ingest),
        ["seasonScore"] = new(RequestExamples.Judge, Roles.Judge),
        ["seasonGetOwnScores"] = new(RequestExamples.Judge, Roles.Judge),
        ["seasonGetShortlist"] = new(RequestExamples.Partner, Roles.Partner),
    };

    /// <summary>Examples that cannot succeed when the test runs, with the answer that shows their fields passed.</summary>
    private static readonly Dictionary<string, (HttpStatusCode Status, string Why)> Refusals = new(StringComparer.Ordinal)
    {
        // The score's fields are checked before the round's state; the example season's rounds lie in 2030.
        ["seasonScore"] = (HttpStatusCode.Conflict, "round 1 of the example season is not open yet"),
    };

    private Task<JsonElement> DocumentAsync() => factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    [Fact]
    public async Task EveryOperation_HasAnExample_InTheStory_WithACallerTheDocumentAllows()
    {
        var operations = DocumentOperation.All(await DocumentAsync());

        Assert.Equal(operations.Select(o => o.Id).Order(StringComparer.Ordinal), Story.Order(StringComparer.Ordinal));
        Assert.Equal(operations.Select(o => o.Id).Order(StringComparer.Ordinal), RequestExamples.ByOperation.Keys.Order(StringComparer.Ordinal));
        foreach (var operation in operations)
        {
            Assert.DoesNotContain("{", operation.ExampleTarget(), StringComparison.Ordinal);
            Assert.True(operation.BodySchema is null || operation.BodyExample is not null, $"{operation.Route} takes a body but has no example.");
            // The reference shows bodies inside single quotes of a shell command.
            Assert.DoesNotContain("'", operation.BodyExample?.GetRawText() ?? "", StringComparison.Ordinal);
            if (operation.Public)
            {
                Assert.False(Callers.ContainsKey(operation.Id), $"{operation.Route} is public; its example goes without a token.");
            }
            else
            {
                Assert.True(Callers.TryGetValue(operation.Id, out var caller), $"{operation.Route} needs a token; name its caller.");
                Assert.True(operation.Roles.Count == 0 || operation.Roles.Contains(caller!.Role), $"{operation.Route}: the document names {string.Join(", ", operation.Roles)}.");
            }
        }
    }

    [Fact]
    public async Task EveryExample_SentInTheOrderOfTheStory_Succeeds_AndNeedsEachRequiredField()
    {
        var operations = DocumentOperation.All(await DocumentAsync()).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var made = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in Story)
        {
            var operation = operations[id];
            var client = Callers.TryGetValue(id, out var caller) ? factory.ClientWith(caller.Subject, [caller.Role], caller.StudioId) : factory.CreateClient();
            var target = InPlaceOf(made, operation.ExampleTarget());
            var body = operation.BodyExample is { } example ? JsonNode.Parse(InPlaceOf(made, example.GetRawText())) : null;
            if (id == "linkReviewList")
            {
                // The batch before took the example video past the title's minViews; the review follows it.
                await Eventually.UntilAsync(async () => (await client.GetStringAsync(target)).Contains(RequestExamples.VideoId, StringComparison.Ordinal),
                    Settling, "the example video's link review");
            }

            var required = body is null ? [] : RequiredFields(operation, operation.BodySchema!.Value, body, prefix: "").ToList();
            foreach (var field in required)
            {
                using var without = await SendAsync(client, operation.Method, target, Without(body!, field));
                await AssertNamesFieldAsync(without, $"{operation.Route} without {field}", field);
            }

            using var response = await SendAsync(client, operation.Method, target, body);
            var expected = Refusals.TryGetValue(id, out var refusal) ? refusal.Status : (HttpStatusCode)int.Parse(operation.Success.Status, System.Globalization.CultureInfo.InvariantCulture);
            var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "(stream)" : await response.Content.ReadAsStringAsync();
            output.WriteLine($"{operation.Route} → {(int)response.StatusCode}{(refusal.Why is { } why ? $" ({why})" : "")}{(required.Count > 0 ? $"; without each of its {required.Count} required fields → 400" : "")}");
            Assert.True(expected == response.StatusCode, $"{operation.Route} with its example ({target}): expected {(int)expected}, got {(int)response.StatusCode}: {text}");

            if (id is "artistCreate" or "artistSubmitTrack")
            {
                made[id == "artistCreate" ? RequestExamples.ArtistId : RequestExamples.TrackId] = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
            }
        }
    }

    /// <summary>The required fields of a body, as paths (<c>rounds[0].opensAt</c>): the top level's, and those of
    /// the first item of each list of objects the example sends. Events of an engagement batch are checked one by
    /// one (a bad one is rejected inside the 202, EngagementApiTests' business), so only the batch's own count.</summary>
    private static IEnumerable<string> RequiredFields(DocumentOperation operation, JsonElement schema, JsonNode example, string prefix)
    {
        var resolved = operation.Resolve(schema);
        if (resolved.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                yield return prefix + name.GetString();
            }
        }

        if (operation.Id == "engagementIngest" || !resolved.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (property.Value.TryGetProperty("items", out var items) && example[property.Name] is JsonArray { Count: > 0 } list && list[0] is JsonObject first)
            {
                foreach (var field in RequiredFields(operation, items, first, $"{prefix}{property.Name}[0]."))
                {
                    yield return field;
                }
            }
        }
    }

    /// <summary>A copy of the body without the field at <paramref name="path"/> (<c>name</c>, <c>list[0].name</c>).</summary>
    private static JsonNode Without(JsonNode body, string path)
    {
        var copy = body.DeepClone();
        var node = copy;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            var index = part.IndexOf('[', StringComparison.Ordinal);
            node = node[part[..index]]![int.Parse(part[(index + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        Assert.True(node.AsObject().Remove(parts[^1]), $"The example has no {path} to leave out.");
        return copy;
    }

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string what, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: expected 400, got {(int)response.StatusCode}: {text}");
        var named = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.True(named.Any(n => n == field || n.StartsWith(field + "[", StringComparison.Ordinal) || n.StartsWith(field + ".", StringComparison.Ordinal)),
            $"{what}: the 400 names {string.Join(", ", named)}, not {field}.");
    }

    /// <summary>Sends a request; a stream's answer is returned as soon as its headers arrive.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string target, JsonNode? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), target)
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var cancel = new CancellationTokenSource(Settling);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
    }

    /// <summary>The text with each stand-in id replaced by the id the server made for it.</summary>
    private static string InPlaceOf(Dictionary<string, string> made, string text) =>
        made.Aggregate(text, (current, id) => current.Replace(id.Key, id.Value, StringComparison.Ordinal));

    private sealed record Caller(string Subject, string Role, string? StudioId = null);
}
