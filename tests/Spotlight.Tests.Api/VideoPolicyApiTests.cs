using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Api;

public class VideoPolicyApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly ApiScenario _api = new(factory);

    [Fact]
    public async Task Violation_FailsThePolicyRuleForEveryTitle_UntilOk()
    {
        var titleId = "p" + Guid.NewGuid().ToString("N")[..16];
        var tag = "tag" + titleId;
        var title = new { id = titleId, name = "Policy Test", kind = "show", studioId = "studio-p", hashtags = new[] { tag }, minFollowers = 0, minViews = 0 };
        Assert.Equal(HttpStatusCode.Created, (await _api.Admin.PostAsJsonAsync("/api/titles", title)).StatusCode);
        var videoId = await _api.RegisterVideoAsync("creator-policy", 10, hashtag: tag);
        Assert.True(await EligibleAsync(videoId));

        var violation = await _api.Reviewer.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "violation", reason = "Pirated footage" });

        Assert.Equal(HttpStatusCode.OK, violation.StatusCode);
        var video = await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}");
        Assert.Equal("violation", video.GetProperty("policy").GetProperty("status").GetString());
        Assert.False(await EligibleAsync(videoId));

        Assert.Equal(HttpStatusCode.OK, (await _api.Reviewer.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "ok" })).StatusCode);
        Assert.True(await EligibleAsync(videoId));
    }

    [Fact]
    public async Task Policy_Refusals_NameTheFieldOrRole()
    {
        var videoId = await _api.RegisterVideoAsync("creator-policy", 10, hashtag: "anything");

        await ProblemAssertions.AssertFieldErrorsAsync(await _api.Reviewer.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "violation" }), "reason");
        await ProblemAssertions.AssertFieldErrorsAsync(await _api.Reviewer.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "banned" }), "status");
        await ProblemAssertions.AssertProblemAsync(await _api.Admin.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "ok" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "ok" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Reviewer.PostAsJsonAsync("/api/videos/no-such-video/policy", new { status = "ok" })).StatusCode);
        var video = await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}");
        Assert.Equal(JsonValueKind.Null, video.GetProperty("policy").ValueKind);
    }

    private async Task<bool> EligibleAsync(string videoId) =>
        (await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}")).GetProperty("eligibility")[0].GetProperty("eligible").GetBoolean();
}
