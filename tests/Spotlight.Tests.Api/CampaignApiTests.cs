using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

public class CampaignApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly TitleScenario _titles = new(factory);

    private static object Campaign(string id, long minLinkedViews = 100, params (string Kind, long Quantity)[] rewards) => new
    {
        id,
        name = "Fan edit season",
        rewards = rewards.Select(r => new { kind = r.Kind, description = $"A {r.Kind}", quantity = r.Quantity }).ToArray(),
        minLinkedViews,
    };

    [Fact]
    public async Task Create_ByTheOwningStudioOnly_CheckedFieldByField()
    {
        var (titleId, _) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-c");
        var path = $"/api/titles/{titleId}/campaigns";
        var valid = Campaign("launch", 10, ("frame", 5));
        var owner = factory.StudioClient("studio-c");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _titles.Api.Anonymous.PostAsJsonAsync(path, valid)).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("creator-c", Roles.Creator).PostAsJsonAsync(path, valid), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await factory.StudioClient("studio-other").PostAsJsonAsync(path, valid), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await _titles.Api.Admin.PostAsJsonAsync(path, valid), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync("/api/titles/no-such-title/campaigns", valid)).StatusCode);

        await ProblemAssertions.AssertFieldErrorsAsync(await owner.PostAsJsonAsync(path, new
        {
            id = "bad id",
            name = " ",
            rewards = new object?[] { new { kind = "hat", description = "A hat", quantity = 0 }, new { kind = "frame", description = "", quantity = 1 }, null },
            minLinkedViews = -1,
        }), "id", "name", "rewards[0].kind", "rewards[0].quantity", "rewards[1].description", "rewards[2]", "minLinkedViews");
        await ProblemAssertions.AssertFieldErrorsAsync(await owner.PostAsJsonAsync(path, new { id = "empty", name = "Empty", rewards = Array.Empty<object>() }), "rewards", "minLinkedViews");
        Assert.Empty(await CampaignsAsync(_titles.Api.Admin, titleId));

        var created = await owner.PostAsJsonAsync(path, valid);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await ApiScenario.JsonAsync(created);
        Assert.Equal("frame", campaign.GetProperty("rewards")[0].GetProperty("kind").GetString());
        Assert.Equal(5, campaign.GetProperty("rewards")[0].GetProperty("remaining").GetInt64());
        await ProblemAssertions.AssertProblemAsync(await owner.PostAsJsonAsync(path, valid), HttpStatusCode.Conflict);

        Assert.Single(await CampaignsAsync(owner, titleId));
        await ProblemAssertions.AssertProblemAsync(await factory.StudioClient("studio-other").GetAsync(path), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TwoHundredCreatorsQualifyingAtOnce_EarnExactlyFiftyRewards_NoCreatorTwice()
    {
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-c");
        var creators = Enumerable.Range(0, 200).Select(i => $"creator-c{i:D3}-{titleId[..6]}").ToList();
        var videos = await Task.WhenAll(creators.Select(c => _titles.Api.RegisterVideoAsync(c, 10, hashtag: tag)));
        await Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(titleId, "pending")).Count == 200, TitleScenario.Settling, "200 pending link reviews");
        foreach (var video in videos)
        {
            await _titles.ApproveAsync(video, titleId);
        }

        var owner = factory.StudioClient("studio-c");
        var created = await owner.PostAsJsonAsync($"/api/titles/{titleId}/campaigns", Campaign("fifty", 100, ("frame", 20), ("filter", 30)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, (await ApiScenario.JsonAsync(created)).GetProperty("rewards")[0].GetProperty("issued").GetInt64());

        // Every creator's linked video crosses 100 views at the same moment.
        await Task.WhenAll(videos.Select(v => _titles.ViewAsync(v, 100)));
        await Eventually.UntilAsync(async () =>
        {
            var views = await Task.WhenAll(videos.Select(async v => (await _titles.VideoAsync(v)).GetProperty("counters").GetProperty("views").GetInt64()));
            return views.All(v => v == 100);
        }, TitleScenario.Settling, "every video at 100 views");
        await Eventually.UntilAsync(async () => (await EarnedAsync(creators)).Sum(e => e.Value.Count) == 50, TitleScenario.Settling, "50 rewards in creators' lists");

        var earned = await EarnedAsync(creators);
        Assert.Equal(50, earned.Count(e => e.Value.Count == 1));
        Assert.DoesNotContain(earned, e => e.Value.Count > 1);
        var kinds = earned.SelectMany(e => e.Value).GroupBy(r => r.GetProperty("kind").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(20, kinds["frame"]);
        Assert.Equal(30, kinds["filter"]);
        Assert.All(earned.SelectMany(e => e.Value), r => Assert.True(r.GetProperty("linkedViews").GetInt64() >= 100));

        var campaign = (await CampaignsAsync(owner, titleId)).Single();
        Assert.Equal([20L, 30L], campaign.GetProperty("rewards").EnumerateArray().Select(r => r.GetProperty("issued").GetInt64()));
        Assert.All(campaign.GetProperty("rewards").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("remaining").GetInt64()));

        // More views change nothing: the campaign is spent and no creator earns twice.
        await Task.WhenAll(videos.Take(20).Select(v => _titles.ViewAsync(v, 500)));
        await Eventually.UntilAsync(async () => (await _titles.VideoAsync(videos[19])).GetProperty("counters").GetProperty("views").GetInt64() == 600, TitleScenario.Settling, "600 views");
        Assert.Equal(50, (await EarnedAsync(creators)).Sum(e => e.Value.Count));
    }

    [Fact]
    public async Task Rewards_AreReadByTheCreatorOrAnAdmin_AndACampaignPaysCreatorsAlreadyOverItsThreshold()
    {
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-c");
        var creator = "creator-r-" + titleId[..8];
        var video = await _titles.Api.RegisterVideoAsync(creator, 10, hashtag: tag);
        await Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(titleId, "pending")).Count == 1, TitleScenario.Settling, "a pending link review");
        await _titles.ApproveAsync(video, titleId);
        await _titles.ViewAsync(video, 40);
        await Eventually.UntilAsync(async () => (await _titles.VideoAsync(video)).GetProperty("counters").GetProperty("views").GetInt64() == 40, TitleScenario.Settling, "40 views");

        var owner = factory.StudioClient("studio-c");
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/titles/{titleId}/campaigns", Campaign("early", 30, ("tickets", 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/titles/{titleId}/campaigns", Campaign("later", 50, ("merch", 1)))).StatusCode);

        var own = factory.ClientFor(creator, Roles.Creator);
        await Eventually.UntilAsync(async () => (await own.GetFromJsonAsync<JsonElement>($"/api/creators/{creator}/rewards")).GetArrayLength() == 1, TitleScenario.Settling, "the early campaign's reward");
        var reward = (await own.GetFromJsonAsync<JsonElement>($"/api/creators/{creator}/rewards"))[0];
        Assert.Equal(("early", "tickets", titleId, 40L), (reward.GetProperty("campaignId").GetString(), reward.GetProperty("kind").GetString(), reward.GetProperty("titleId").GetString(), reward.GetProperty("linkedViews").GetInt64()));

        // Crossing the second threshold earns the second campaign's reward.
        await _titles.ViewAsync(video, 10);
        await Eventually.UntilAsync(async () => (await own.GetFromJsonAsync<JsonElement>($"/api/creators/{creator}/rewards")).GetArrayLength() == 2, TitleScenario.Settling, "the later campaign's reward");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _titles.Api.Anonymous.GetAsync($"/api/creators/{creator}/rewards")).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("creator-someone-else", Roles.Creator).GetAsync($"/api/creators/{creator}/rewards"), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await factory.StudioClient("studio-c").GetAsync($"/api/creators/{creator}/rewards"), HttpStatusCode.Forbidden);
        Assert.Equal(2, (await _titles.Api.Admin.GetFromJsonAsync<JsonElement>($"/api/creators/{creator}/rewards")).GetArrayLength());
        await ProblemAssertions.AssertFieldErrorsAsync(await _titles.Api.Admin.GetAsync("/api/creators/bad%20id/rewards"), "id");
    }

    private static async Task<List<JsonElement>> CampaignsAsync(HttpClient client, string titleId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/campaigns")).EnumerateArray()];

    private async Task<Dictionary<string, List<JsonElement>>> EarnedAsync(IEnumerable<string> creators)
    {
        var lists = await Task.WhenAll(creators.Select(async c =>
            (Creator: c, Rewards: (await _titles.Api.Admin.GetFromJsonAsync<JsonElement>($"/api/creators/{c}/rewards")).EnumerateArray().ToList())));
        return lists.ToDictionary(l => l.Creator, l => l.Rewards);
    }
}
