using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary>
/// Studios' trend alerts end to end in embedded mode: who may add and read them, what a bad rule gets, and the
/// ground truth: alerts fire in exactly the windows a brute-force evaluation of the posted events says, once
/// each, and reach a live watcher.
/// </summary>
public class TitleAlertApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly TitleScenario _titles = new(factory);

    [Fact]
    public async Task Rules_AreAddedByTheOwningStudio_ReadByItAndAdmins_AndBadOnesAreRefusedByField()
    {
        var (titleId, _) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-al");
        var path = $"/api/titles/{titleId}/alerts";
        var studio = factory.StudioClient("studio-al");
        var rule = new { id = "views-up", kind = "engagement-rate", threshold = 100, window = 15 };

        Assert.Equal(HttpStatusCode.Unauthorized, (await _titles.Api.Anonymous.PostAsJsonAsync(path, rule)).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await factory.StudioClient("studio-other").PostAsJsonAsync(path, rule), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await _titles.Api.Admin.PostAsJsonAsync(path, rule), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("creator-al", Roles.Creator).GetAsync(path), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await factory.StudioClient("studio-other").GetAsync($"{path}/fired"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await studio.PostAsJsonAsync("/api/titles/no-such-title/alerts", rule)).StatusCode);

        var created = await studio.PostAsJsonAsync(path, rule);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("views-up", "engagement-rate", 100L, 15, JsonValueKind.Null, "studio-user-studio-al"),
            (body.GetProperty("id").GetString(), body.GetProperty("kind").GetString(), body.GetProperty("threshold").GetInt64(),
             body.GetProperty("window").GetInt32(), body.GetProperty("factor").ValueKind, body.GetProperty("createdBy").GetString()));
        await ProblemAssertions.AssertProblemAsync(await studio.PostAsJsonAsync(path, rule), HttpStatusCode.Conflict);

        await ProblemAssertions.AssertFieldErrorsAsync(
            await studio.PostAsJsonAsync(path, new { id = "Bad Id!", kind = "trending", threshold = 0, window = 7 }), "id", "kind", "threshold", "window");
        await ProblemAssertions.AssertFieldErrorsAsync(
            await studio.PostAsJsonAsync(path, new { id = "rate-2", kind = "engagement-rate", threshold = 5, window = 60, factor = 3 }), "factor");
        await ProblemAssertions.AssertFieldErrorsAsync(
            await studio.PostAsJsonAsync(path, new { id = "rising", kind = "hashtag-rising", threshold = 5, window = 60, factor = 0.5 }), "factor");
        await ProblemAssertions.AssertFieldErrorsAsync(await studio.PostAsJsonAsync(path, new { kind = "engagement-rate" }), "id", "threshold", "window");
        await ProblemAssertions.AssertFieldErrorsAsync(await studio.GetAsync($"{path}/fired?cursor=abc&limit=0"), "cursor", "limit");

        var rising = await studio.PostAsJsonAsync(path, new { id = "rising", kind = "hashtag-rising", threshold = 5, window = 60 });
        Assert.Equal(2m, (await rising.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("factor").GetDecimal());
        Assert.Equal(["views-up", "rising"], (await studio.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(2, (await _titles.Api.Admin.GetFromJsonAsync<JsonElement>(path)).GetArrayLength());

        for (var i = 2; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await studio.PostAsJsonAsync(path, rule with { id = $"rule-{i}" })).StatusCode);
        }

        await ProblemAssertions.AssertProblemAsync(await studio.PostAsJsonAsync(path, rule with { id = "one-too-many" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Alerts_FireInExactlyTheWindowsBruteForceSays_OnceEach()
    {
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-al2");
        var studio = factory.StudioClient("studio-al2");
        var videos = new[] { ("moonlit", 0), ("harbor", 1), ("moonlit", 2) }
            .Select(v => (Id: Guid.NewGuid().ToString("N"), Tags: new[] { tag, v.Item1 })).ToArray();
        foreach (var (id, tags) in videos)
        {
            var registered = await _titles.Api.Ingest.PostAsJsonAsync("/api/videos", new { id, creatorId = "creator-al2", creatorFollowers = 10, hashtags = tags, caption = "", visualTags = Array.Empty<string>() });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        // The title counts once the silo's title index has it: a probe like (before the windows checked) shows in its analytics.
        var start = AlignedStart(DateTimeOffset.UtcNow.AddHours(-4));
        await Eventually.UntilAsync(async () =>
        {
            await PostAsync([new Posted(videos[0].Id, "like", 1, start.AddMinutes(-30))]);
            return (await studio.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/analytics?bucket=day&from={Iso(start.AddHours(-1))}&to={Iso(start)}"))
                .GetProperty("totals").GetProperty("matching").GetProperty("likes").GetInt64() > 0;
        }, TitleScenario.Settling, "the title counting engagement");

        var rules = new[]
        {
            new Rule("rate", "engagement-rate", 120, 10, null),
            new Rule("breakout", "video-breakout", 60, 15, null),
            new Rule("rising", "hashtag-rising", 60, 10, 2m),
        };
        foreach (var rule in rules)
        {
            Assert.Equal(HttpStatusCode.Created, (await studio.PostAsJsonAsync($"/api/titles/{titleId}/alerts", new { rule.Id, rule.Kind, rule.Threshold, rule.Window, rule.Factor })).StatusCode);
        }

        // Three hours of 10-minute windows, quiet and busy, posted a window at a time and each applied before the
        // next (so that hashtag-rising compares with a whole window before).
        var random = new Random(20);
        var posted = new List<Posted>();
        string[] kinds = ["view", "view", "view", "like", "comment", "share"];
        for (var w = 0; w < 18; w++)
        {
            var busy = w % 4 == 2;
            var window = Enumerable.Range(0, random.Next(busy ? 12 : 2, busy ? 30 : 8)).Select(_ => new Posted(
                videos[random.Next(videos.Length)].Id, kinds[random.Next(kinds.Length)], random.Next(1, busy ? 40 : 12), start.AddMinutes((w * 10) + random.Next(10)).AddSeconds(random.Next(60)))).ToList();
            await PostAsync(window);
            posted.AddRange(window);
            var engaged = posted.Sum(p => p.Count);
            await Eventually.UntilAsync(async () => Engagement(await studio.GetFromJsonAsync<JsonElement>(
                $"/api/titles/{titleId}/analytics?bucket=hour&from={Iso(start)}&to={Iso(start.AddHours(3))}")) == engaged, TitleScenario.Settling, $"window {w} applied");
        }

        var fired = await FiredAsync(studio, titleId);
        foreach (var rule in rules)
        {
            var expected = BruteForce(rule, posted, videos.ToDictionary(v => v.Id, v => v.Tags));
            var got = fired.Where(f => f.GetProperty("ruleId").GetString() == rule.Id).Select(f => f.GetProperty("windowStart").GetDateTimeOffset()).Order().ToList();
            Assert.True(expected.Count is > 0 and < 12, $"{rule.Id}: {expected.Count} windows fire; some must and some must not, or the comparison proves little");
            Assert.Equal(expected, got);
        }
    }

    [Fact]
    public async Task ALiveWatcher_GetsAnAlertAsItFires_AndPagesListNewestFirst()
    {
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-al3");
        var studio = factory.StudioClient("studio-al3");
        var videoId = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await _titles.Api.Ingest.PostAsJsonAsync("/api/videos", new { id = videoId, creatorId = "creator-al3", creatorFollowers = 10, hashtags = new[] { tag }, caption = "", visualTags = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await studio.PostAsJsonAsync($"/api/titles/{titleId}/alerts", new { id = "minute", kind = "engagement-rate", threshold = 10, window = 1 })).StatusCode);

        using var cancel = new CancellationTokenSource(TitleScenario.Settling * 2);
        using var response = await studio.GetAsync($"/api/titles/{titleId}/alerts/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
        await using var events = SseParser.Create(stream).EnumerateAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);

        // Minutes an hour ago, one burst each, until three have fired (the title may take a moment to count).
        var first = AlignedStart(DateTimeOffset.UtcNow.AddHours(-1));
        var minute = 0;
        await Eventually.UntilAsync(async () =>
        {
            await PostAsync([new Posted(videoId, "view", 11, first.AddMinutes(minute++))]);
            return (await FiredAsync(studio, titleId)).Count >= 3;
        }, TitleScenario.Settling, "three alerts");

        Assert.True(await events.MoveNextAsync());
        var data = JsonDocument.Parse(events.Current.Data).RootElement;
        Assert.Equal("alert", events.Current.EventType);
        Assert.Equal("minute", data.GetProperty("ruleId").GetString());
        Assert.Equal(events.Current.EventId, data.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture));

        var page = await studio.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/alerts/fired?limit=2");
        var next = await studio.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/alerts/fired?limit=2&cursor={page.GetProperty("nextCursor").GetString()}");
        var sequences = page.GetProperty("alerts").EnumerateArray().Concat(next.GetProperty("alerts").EnumerateArray()).Select(a => a.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.True(sequences.Count >= 3);
        Assert.All(page.GetProperty("alerts").EnumerateArray(), a => Assert.True(a.GetProperty("figure").GetInt64() > 10));
    }

    private async Task PostAsync(IReadOnlyList<Posted> events)
    {
        var response = await _titles.Api.Ingest.PostAsJsonAsync("/api/engagement", new
        {
            batchId = Guid.NewGuid().ToString("N"),
            events = events.Select(e => new { videoId = e.VideoId, kind = e.Kind, count = e.Count, at = e.At }),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<List<JsonElement>> FiredAsync(HttpClient studio, string titleId) =>
        [.. (await studio.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/alerts/fired?limit=200")).GetProperty("alerts").EnumerateArray()];

    /// <summary>Windows that fire on the final counts (the same for every order of arrival, given that each
    /// window was whole before the next arrived).</summary>
    private static List<DateTimeOffset> BruteForce(Rule rule, List<Posted> events, Dictionary<string, string[]> tags)
    {
        long WindowOf(Posted e) => (long)Math.Floor((e.At - DateTimeOffset.UnixEpoch).TotalMinutes / rule.Window);
        long Count(long w, Func<Posted, bool> which) => events.Where(e => WindowOf(e) == w && which(e)).Sum(e => (long)e.Count);
        return [.. events.Select(WindowOf).Distinct().Order().Where(w => rule.Kind switch
            {
                "engagement-rate" => Count(w, e => e.Kind == "view") > rule.Threshold,
                "video-breakout" => tags.Keys.Any(v => Count(w, e => e.Kind == "view" && e.VideoId == v) > rule.Threshold),
                _ => tags.Values.SelectMany(t => t).Distinct().Any(tag =>
                    Count(w, e => tags[e.VideoId].Contains(tag)) is var now && now >= rule.Threshold && now >= rule.Factor * Count(w - 1, e => tags[e.VideoId].Contains(tag))),
            })
            .Select(w => DateTimeOffset.UnixEpoch.AddMinutes(w * rule.Window))];
    }

    private static DateTimeOffset AlignedStart(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);

    private static long Engagement(JsonElement report)
    {
        var m = report.GetProperty("totals").GetProperty("matching");
        return m.GetProperty("views").GetInt64() + m.GetProperty("likes").GetInt64() + m.GetProperty("comments").GetInt64() + m.GetProperty("shares").GetInt64();
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    private sealed record Rule(string Id, string Kind, long Threshold, int Window, decimal? Factor);

    private sealed record Posted(string VideoId, string Kind, int Count, DateTimeOffset At);
}
