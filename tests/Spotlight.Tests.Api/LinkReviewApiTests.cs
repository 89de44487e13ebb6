using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

public class LinkReviewApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private static readonly TimeSpan Settling = TitleScenario.Settling;
    private readonly TitleScenario _titles = new(factory);

    private ApiScenario Api => _titles.Api;

    [Fact]
    public async Task ThousandConcurrentEvents_CrossingMinViews_QueueThePairOnce_ApprovalLinks_ViolationUnlinksAtOnce()
    {
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 500);
        var videoId = await Api.RegisterVideoAsync("creator-links", 10, hashtag: tag);

        // A thousand single-view batches at once: the 500th view crosses the threshold.
        var posts = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(_ => Api.Ingest.PostAsJsonAsync("/api/engagement", new
        {
            batchId = Guid.NewGuid().ToString("N"),
            events = new[] { new { videoId, kind = "view" } },
        })));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Accepted, p.StatusCode));
        await Eventually.UntilAsync(async () => (await _titles.VideoAsync(videoId)).GetProperty("counters").GetProperty("views").GetInt64() == 1_000, Settling, "1,000 views");
        var pending = await _titles.ReviewsAsync(titleId, "pending");
        Assert.Equal([videoId], pending.Select(r => r.GetProperty("videoId").GetString()));
        // The queue names the title, so a reviewer need not look it up.
        var title = await Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}");
        Assert.Equal(title.GetProperty("name").GetString(), pending[0].GetProperty("titleName").GetString());

        // Refusals before the decision.
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.DecideAsync(videoId, titleId, "maybe"), "decision");
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("creator-x", Roles.Creator).PostAsJsonAsync("/api/reviews/links", new { videoId, titleId, decision = "approve" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await _titles.DecideAsync(videoId, "no-such-title", "approve")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _titles.DecideAsync(videoId, titleId, "approve")).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await _titles.DecideAsync(videoId, titleId, "approve"), HttpStatusCode.Conflict);
        Assert.Equal(titleId, (await _titles.VideoAsync(videoId)).GetProperty("anchorLink").GetString());
        Assert.Equal([videoId], await _titles.RelatedAsync(titleId));

        // A violation removes the link at once: the very next reads no longer show it.
        var violation = await Api.Reviewer.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "violation", reason = "Stolen clip" });
        Assert.Equal(HttpStatusCode.OK, violation.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await _titles.VideoAsync(videoId)).GetProperty("anchorLink").ValueKind);
        Assert.Empty(await _titles.RelatedAsync(titleId));

        // Lifting it does not bring the link back, and the pair never enters the queue again.
        Assert.Equal(HttpStatusCode.OK, (await Api.Reviewer.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "ok" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Api.Ingest.PostAsJsonAsync("/api/engagement", new { batchId = Guid.NewGuid().ToString("N"), events = new[] { new { videoId, kind = "view", count = 50 } } })).StatusCode);
        await Eventually.UntilAsync(async () => (await _titles.VideoAsync(videoId)).GetProperty("counters").GetProperty("views").GetInt64() == 1_050, Settling, "1,050 views");
        Assert.Equal(JsonValueKind.Null, (await _titles.VideoAsync(videoId)).GetProperty("anchorLink").ValueKind);
        Assert.Empty(await _titles.ReviewsAsync(titleId, "pending"));
        Assert.Single(await _titles.ReviewsAsync(titleId, "approved"));
    }

    [Fact]
    public async Task AVideo_HasAtMostOneLink_AndAViolationBlocksApproval()
    {
        var (first, tag) = await _titles.CreateTitleAsync(minViews: 0);
        var (second, _) = await _titles.CreateTitleAsync(minViews: 0, tag: tag);
        var videoId = await Api.RegisterVideoAsync("creator-links", 10, hashtag: tag);
        await Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(first, "pending")).Count == 1 && (await _titles.ReviewsAsync(second, "pending")).Count == 1, Settling, "both pairs to be queued");

        // Across titles, oldest first: both of the video's pairs are in the reviewers' list.
        var everyTitle = await Api.Reviewer.GetFromJsonAsync<JsonElement>("/api/reviews/links?status=pending&limit=200");
        var pairs = everyTitle.EnumerateArray().Select(r => (r.GetProperty("videoId").GetString(), r.GetProperty("titleId").GetString())).ToList();
        Assert.Contains((videoId, first), pairs);
        Assert.Contains((videoId, second), pairs);
        var queuedAt = everyTitle.EnumerateArray().Select(r => r.GetProperty("queuedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(queuedAt.Order(), queuedAt);

        Assert.Equal(HttpStatusCode.OK, (await _titles.DecideAsync(videoId, first, "approve")).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await _titles.DecideAsync(videoId, second, "approve"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await _titles.DecideAsync(videoId, second, "reject", "Off topic")).StatusCode);
        Assert.Equal("Off topic", (await _titles.ReviewsAsync(second, "rejected"))[0].GetProperty("reason").GetString());

        var (third, otherTag) = await _titles.CreateTitleAsync(minViews: 0);
        var flagged = await Api.RegisterVideoAsync("creator-links", 10, hashtag: otherTag);
        await Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(third, "pending")).Count == 1, Settling, "the pair to be queued");
        Assert.Equal(HttpStatusCode.OK, (await Api.Reviewer.PostAsJsonAsync($"/api/videos/{flagged}/policy", new { status = "violation", reason = "Spam" })).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await _titles.DecideAsync(flagged, third, "approve"), HttpStatusCode.Conflict);
        await ProblemAssertions.AssertFieldErrorsAsync(await Api.Reviewer.GetAsync("/api/reviews/links?status=open&limit=0"), "status", "limit");
    }
}
