using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

public class LinkReviewApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(30);
    private readonly ApiScenario _api = new(factory);

    [Fact]
    public async Task ThousandConcurrentEvents_CrossingMinViews_QueueThePairOnce_ApprovalLinks_ViolationUnlinksAtOnce()
    {
        var (titleId, tag) = await CreateTitleAsync(minViews: 500);
        var videoId = await _api.RegisterVideoAsync("creator-links", 10, hashtag: tag);

        // A thousand single-view batches at once: the 500th view crosses the threshold.
        var posts = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(_ => _api.Ingest.PostAsJsonAsync("/api/engagement", new
        {
            batchId = Guid.NewGuid().ToString("N"),
            events = new[] { new { videoId, kind = "view" } },
        })));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Accepted, p.StatusCode));
        await Eventually.UntilAsync(async () => (await VideoAsync(videoId)).GetProperty("counters").GetProperty("views").GetInt64() == 1_000, Settling, "1,000 views");
        var pending = await ReviewsAsync(titleId, "pending");
        Assert.Equal([videoId], pending.Select(r => r.GetProperty("videoId").GetString()));

        // Refusals before the decision.
        await ProblemAssertions.AssertFieldErrorsAsync(await Decide(videoId, titleId, "maybe"), "decision");
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("creator-x", Roles.Creator).PostAsJsonAsync("/api/reviews/links", new { videoId, titleId, decision = "approve" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await Decide(videoId, "no-such-title", "approve")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Decide(videoId, titleId, "approve")).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await Decide(videoId, titleId, "approve"), HttpStatusCode.Conflict);
        Assert.Equal(titleId, (await VideoAsync(videoId)).GetProperty("anchorLink").GetString());
        Assert.Equal([videoId], await RelatedAsync(titleId));

        // A violation removes the link at once: the very next reads no longer show it.
        var violation = await _api.Reviewer.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "violation", reason = "Stolen clip" });
        Assert.Equal(HttpStatusCode.OK, violation.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await VideoAsync(videoId)).GetProperty("anchorLink").ValueKind);
        Assert.Empty(await RelatedAsync(titleId));

        // Lifting it does not bring the link back, and the pair never enters the queue again.
        Assert.Equal(HttpStatusCode.OK, (await _api.Reviewer.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "ok" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Ingest.PostAsJsonAsync("/api/engagement", new { batchId = Guid.NewGuid().ToString("N"), events = new[] { new { videoId, kind = "view", count = 50 } } })).StatusCode);
        await Eventually.UntilAsync(async () => (await VideoAsync(videoId)).GetProperty("counters").GetProperty("views").GetInt64() == 1_050, Settling, "1,050 views");
        Assert.Equal(JsonValueKind.Null, (await VideoAsync(videoId)).GetProperty("anchorLink").ValueKind);
        Assert.Empty(await ReviewsAsync(titleId, "pending"));
        Assert.Single(await ReviewsAsync(titleId, "approved"));
    }

    [Fact]
    public async Task AVideo_HasAtMostOneLink_AndAViolationBlocksApproval()
    {
        var (first, tag) = await CreateTitleAsync(minViews: 0);
        var (second, _) = await CreateTitleAsync(minViews: 0, tag: tag);
        var videoId = await _api.RegisterVideoAsync("creator-links", 10, hashtag: tag);
        await Eventually.UntilAsync(async () => (await ReviewsAsync(first, "pending")).Count == 1 && (await ReviewsAsync(second, "pending")).Count == 1, Settling, "both pairs to be queued");

        Assert.Equal(HttpStatusCode.OK, (await Decide(videoId, first, "approve")).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await Decide(videoId, second, "approve"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await Decide(videoId, second, "reject", "Off topic")).StatusCode);
        Assert.Equal("Off topic", (await ReviewsAsync(second, "rejected"))[0].GetProperty("reason").GetString());

        var (third, otherTag) = await CreateTitleAsync(minViews: 0);
        var flagged = await _api.RegisterVideoAsync("creator-links", 10, hashtag: otherTag);
        await Eventually.UntilAsync(async () => (await ReviewsAsync(third, "pending")).Count == 1, Settling, "the pair to be queued");
        Assert.Equal(HttpStatusCode.OK, (await _api.Reviewer.PostAsJsonAsync($"/api/videos/{flagged}/policy", new { status = "violation", reason = "Spam" })).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await Decide(flagged, third, "approve"), HttpStatusCode.Conflict);
        await ProblemAssertions.AssertFieldErrorsAsync(await _api.Reviewer.GetAsync("/api/reviews/links?status=open&limit=0"), "status", "limit");
    }

    private async Task<(string TitleId, string Tag)> CreateTitleAsync(long minViews, string? tag = null)
    {
        var titleId = "l" + Guid.NewGuid().ToString("N")[..16];
        tag ??= "tag" + titleId;
        var title = new { id = titleId, name = "Linked", kind = "movie", studioId = "studio-l", hashtags = new[] { tag }, minFollowers = 0, minViews };
        Assert.Equal(HttpStatusCode.Created, (await _api.Admin.PostAsJsonAsync("/api/titles", title)).StatusCode);
        return (titleId, tag);
    }

    private Task<HttpResponseMessage> Decide(string videoId, string titleId, string decision, string? reason = null) =>
        _api.Reviewer.PostAsJsonAsync("/api/reviews/links", new { videoId, titleId, decision, reason });

    private async Task<JsonElement> VideoAsync(string videoId) => await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}");

    private async Task<List<JsonElement>> ReviewsAsync(string titleId, string status) =>
        [.. (await _api.Reviewer.GetFromJsonAsync<JsonElement>($"/api/reviews/links?status={status}&titleId={titleId}")).EnumerateArray()];

    private async Task<List<string>> RelatedAsync(string titleId) =>
        [.. (await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/hub")).GetProperty("relatedVideos").EnumerateArray().Select(v => v.GetProperty("videoId").GetString()!)];
}
