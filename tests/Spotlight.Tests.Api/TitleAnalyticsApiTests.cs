using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

public class TitleAnalyticsApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly TitleScenario _titles = new(factory);

    [Fact]
    public async Task Analytics_AreForTheOwningStudioAndAdmins_WithFieldNamedErrors()
    {
        var (titleId, _) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-an");
        var path = $"/api/titles/{titleId}/analytics";

        Assert.Equal(HttpStatusCode.Unauthorized, (await _titles.Api.Anonymous.GetAsync(path)).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("creator-an", Roles.Creator).GetAsync(path), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await factory.StudioClient("studio-other").GetAsync(path), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await factory.StudioClient("studio-an").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _titles.Api.Admin.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _titles.Api.Admin.GetAsync("/api/titles/no-such-title/analytics")).StatusCode);

        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Admin.GetAsync($"{path}?bucket=week&top=0&from=yesterday"), "bucket", "from", "top");
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Admin.GetAsync($"{path}?from=2026-11-20T10:00:00"), "from");
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Admin.GetAsync($"{path}?from=2026-11-20T10:00:00Z&to=2026-11-20T09:00:00Z"), "to");
        // Without to (now), a from in the future is what is wrong, not the to that was not sent.
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Admin.GetAsync($"{path}?from=2099-01-01T00:00:00Z"), "from");
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Admin.GetAsync($"{path}?bucket=minute&from=2026-11-20T00:00:00Z&to=2026-11-22T00:00:00Z"), "from");
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Admin.GetAsync($"{path}?bucket=hour&from=2026-01-01T00:00:00Z&to=2026-11-22T00:00:00Z"), "from");
        Assert.Equal(HttpStatusCode.OK, (await _titles.Api.Admin.GetAsync($"{path}?bucket=day&from=2026-01-01T00:00:00%2B09:00&to=2026-11-22T00:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task Analytics_CountMatchingAndLinkedVideos_PerBucket_WithTopLists_HubVisitsAndClicks()
    {
        var studio = factory.StudioClient("studio-an");
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-an", provider: "StreamCo");
        var linked = await RegisterAsync("creator-an1", tag, "fanart");
        var matching = await RegisterAsync("creator-an2", tag);
        var unrelated = await RegisterAsync("creator-an3", "cooking");
        await Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(titleId, "pending")).Count == 2, TitleScenario.Settling, "two pending reviews");
        await _titles.ApproveAsync(linked, titleId);

        // Three hours that ended an hour ago, so that every bucket is whole.
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-4);
        var batch = new
        {
            batchId = Guid.NewGuid().ToString("N"),
            events = new object[]
            {
                Event(linked, "view", 10, start.AddMinutes(1)),
                Event(linked, "like", 2, start.AddMinutes(61)),
                Event(matching, "view", 5, start.AddMinutes(1)),
                Event(matching, "share", 1, start.AddMinutes(2)),
                Event(unrelated, "view", 100, start.AddMinutes(1)),
            },
        };
        Assert.Equal(HttpStatusCode.Accepted, (await _titles.Api.Ingest.PostAsJsonAsync("/api/engagement", batch)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _titles.Api.Ingest.PostAsJsonAsync("/api/engagement", batch)).StatusCode);

        var hours = $"/api/titles/{titleId}/analytics?bucket=hour&from={Iso(start)}&to={Iso(start.AddHours(3))}";
        await Eventually.UntilAsync(async () => Views(await studio.GetFromJsonAsync<JsonElement>(hours), "matching") == 15, TitleScenario.Settling, "15 matching views");
        var report = await studio.GetFromJsonAsync<JsonElement>(hours);
        Assert.Equal((15L, 2L, 0L, 1L), Counters(report.GetProperty("totals").GetProperty("matching")));
        Assert.Equal((10L, 2L, 0L, 0L), Counters(report.GetProperty("totals").GetProperty("linked")));
        var series = report.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal([start, start.AddHours(1), start.AddHours(2)], series.Select(p => p.GetProperty("start").GetDateTimeOffset()));
        Assert.Equal((15L, 0L, 0L, 1L), Counters(series[0].GetProperty("matching")));
        Assert.Equal((0L, 2L, 0L, 0L), Counters(series[1].GetProperty("linked")));
        Assert.Equal((0L, 0L, 0L, 0L), Counters(series[2].GetProperty("matching")));

        var top = report.GetProperty("top");
        Assert.Equal([(linked, 12L), (matching, 6L)], Top(top, "videos"));
        Assert.Equal([("creator-an1", 12L), ("creator-an2", 6L)], Top(top, "creators"));
        Assert.Equal([(tag, 18L), ("fanart", 12L)], Top(top, "hashtags"));

        var minutes = await studio.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/analytics?bucket=minute&from={Iso(start)}&to={Iso(start.AddMinutes(3))}");
        Assert.Equal([0L, 15L, 0L], minutes.GetProperty("series").EnumerateArray().Select(p => p.GetProperty("matching").GetProperty("views").GetInt64()));
        Assert.Equal([0L, 0L, 1L], minutes.GetProperty("series").EnumerateArray().Select(p => p.GetProperty("matching").GetProperty("shares").GetInt64()));

        // Hub visits and click-throughs arrive in the current minute.
        await _titles.Api.Anonymous.GetAsync($"/api/titles/{titleId}/hub");
        await _titles.Api.Anonymous.GetAsync($"/api/titles/{titleId}/hub?region=KR");
        await _titles.Api.Anonymous.PostAsJsonAsync($"/api/titles/{titleId}/hub/clicks", new { target = "StreamCo" });
        var recent = $"/api/titles/{titleId}/analytics?bucket=minute&from={Iso(now.AddMinutes(-5))}";
        await Eventually.UntilAsync(async () =>
        {
            var totals = (await studio.GetFromJsonAsync<JsonElement>(recent)).GetProperty("totals");
            return totals.GetProperty("hubVisits").GetInt64() == 2 && totals.GetProperty("clicks").TryGetProperty("StreamCo", out var clicks) && clicks.GetInt64() == 1;
        }, TitleScenario.Settling, "two hub visits and a click-through to StreamCo");
        Assert.Equal(3, (await studio.GetFromJsonAsync<JsonElement>(recent)).GetProperty("series").EnumerateArray().Sum(p => p.GetProperty("hubVisits").GetInt64() + p.GetProperty("clicks").GetInt64()));
    }

    private async Task<string> RegisterAsync(string creatorId, params string[] hashtags)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = await _titles.Api.Ingest.PostAsJsonAsync("/api/videos", new { id, creatorId, creatorFollowers = 10, hashtags, caption = "", visualTags = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private static object Event(string videoId, string kind, int count, DateTimeOffset at) => new { videoId, kind, count, at };

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    private static long Views(JsonElement report, string part) => report.GetProperty("totals").GetProperty(part).GetProperty("views").GetInt64();

    private static (long, long, long, long) Counters(JsonElement c) =>
        (c.GetProperty("views").GetInt64(), c.GetProperty("likes").GetInt64(), c.GetProperty("comments").GetInt64(), c.GetProperty("shares").GetInt64());

    private static List<(string, long)> Top(JsonElement top, string list) =>
        [.. top.GetProperty(list).EnumerateArray().Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("engagement").GetInt64()))];
}
