using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

public class CreatorPolicyApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly TitleScenario _titles = new(factory);

    [Fact]
    public async Task ACreatorViolation_UnlinksEveryVideoAtOnce_BlocksQueueingAndApproval_UntilOk()
    {
        var creator = "creator-p-" + Guid.NewGuid().ToString("N")[..8];
        var (first, firstTag) = await _titles.CreateTitleAsync(minViews: 0);
        var (second, secondTag) = await _titles.CreateTitleAsync(minViews: 0);
        var linkedFirst = await _titles.Api.RegisterVideoAsync(creator, 10, hashtag: firstTag);
        var linkedSecond = await _titles.Api.RegisterVideoAsync(creator, 10, hashtag: secondTag);
        var pendingVideo = await _titles.Api.RegisterVideoAsync(creator, 10, hashtag: firstTag);
        await Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(first, "pending")).Count == 2 && (await _titles.ReviewsAsync(second, "pending")).Count == 1, TitleScenario.Settling, "three pending reviews");
        await _titles.ApproveAsync(linkedFirst, first);
        await _titles.ApproveAsync(linkedSecond, second);
        Assert.Equal([linkedFirst], await _titles.RelatedAsync(first));

        var violation = await _titles.Api.Reviewer.PostAsJsonAsync($"/api/creators/{creator}/policy", new { status = "violation", reason = "Repeated reposts" });
        Assert.Equal(HttpStatusCode.OK, violation.StatusCode);

        // The very next reads show no link on either video and neither hub lists them.
        Assert.Null(await _titles.AnchorLinkAsync(linkedFirst));
        Assert.Null(await _titles.AnchorLinkAsync(linkedSecond));
        Assert.Empty(await _titles.RelatedAsync(first));
        Assert.Empty(await _titles.RelatedAsync(second));
        var explained = await _titles.VideoAsync(pendingVideo);
        Assert.Equal("violation", explained.GetProperty("creatorPolicy").GetProperty("status").GetString());
        var policyRule = explained.GetProperty("eligibility")[0].GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "policy");
        Assert.False(policyRule.GetProperty("passed").GetBoolean());

        // No approval while the creator is in violation, and a newly eligible video is not queued.
        await ProblemAssertions.AssertProblemAsync(await _titles.DecideAsync(pendingVideo, first, "approve"), HttpStatusCode.Conflict);
        var (third, thirdTag) = await _titles.CreateTitleAsync(minViews: 5);
        var blocked = await _titles.Api.RegisterVideoAsync(creator, 10, hashtag: thirdTag);
        await _titles.ViewAsync(blocked, 5);
        await Eventually.UntilAsync(async () => (await _titles.VideoAsync(blocked)).GetProperty("counters").GetProperty("views").GetInt64() == 5, TitleScenario.Settling, "5 views");
        Assert.Empty(await _titles.ReviewsAsync(third, "pending"));

        // Ok lifts the block (links stay removed) and queues the pair that qualified meanwhile, with no more
        // engagement needed.
        Assert.Equal(HttpStatusCode.OK, (await _titles.Api.Reviewer.PostAsJsonAsync($"/api/creators/{creator}/policy", new { status = "ok" })).StatusCode);
        Assert.Null(await _titles.AnchorLinkAsync(linkedFirst));
        await Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(third, "pending")).Count == 1, TitleScenario.Settling, "the unblocked pair to be queued");
        await _titles.ApproveAsync(pendingVideo, first);
        Assert.Equal(first, await _titles.AnchorLinkAsync(pendingVideo));
    }

    [Fact]
    public async Task SettingACreatorPolicy_IsForReviewers_WithFieldNamedErrors()
    {
        var path = "/api/creators/creator-q/policy";
        Assert.Equal(HttpStatusCode.Unauthorized, (await _titles.Api.Anonymous.PostAsJsonAsync(path, new { status = "ok" })).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("creator-q", Roles.Creator).PostAsJsonAsync(path, new { status = "ok" }), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await _titles.Api.Admin.PostAsJsonAsync(path, new { status = "ok" }), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Reviewer.PostAsJsonAsync(path, new { status = "banned" }), "status");
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Reviewer.PostAsJsonAsync(path, new { status = "violation" }), "reason");
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Reviewer.PostAsJsonAsync("/api/creators/bad%20id/policy", new { status = "ok" }), "id");

        var video = await _titles.Api.RegisterVideoAsync("creator-q", 10);
        Assert.Equal(JsonValueKind.Null, (await _titles.VideoAsync(video)).GetProperty("creatorPolicy").ValueKind);
    }
}
