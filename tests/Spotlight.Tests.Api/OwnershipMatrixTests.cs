using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary>
/// The third column of the authorization matrix: the right role, but not the owner. Each route that checks
/// ownership is called by a caller with the route's role who does not own the target; the answer is 403 and
/// what the call would have changed is unchanged afterwards.
/// </summary>
public class OwnershipMatrixTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly SeasonScenario _seasons = new(factory);
    private readonly TitleScenario _titles = new(factory);

    [Fact]
    public async Task TheRightRoleButAnotherOwner_Gets403_AndChangesNothing()
    {
        var api = _seasons.Api;
        var checks = 0;
        async Task RefusedAsync(Task<HttpResponseMessage> call, Func<Task> unchanged)
        {
            var problem = await ProblemAssertions.AssertProblemAsync(await call, HttpStatusCode.Forbidden);
            // The refusal says who may, so the caller knows what is missing.
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
            await unchanged();
            checks++;
        }

        // An artist adding a track to someone else's profile.
        var (_, artistId) = await api.CreateArtistAsync("JP");
        var (otherArtist, _) = await api.CreateArtistAsync("JP");
        await RefusedAsync(otherArtist.PostAsJsonAsync($"/api/artists/{artistId}/tracks", ApiScenario.Track("Not Mine")),
            async () => Assert.Equal(0, (await api.Admin.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}")).GetProperty("tracks").GetArrayLength()));

        // A studio creating a title for another studio, starting its campaign, reading its analytics and campaigns, listing its titles.
        var titleId = "own" + Guid.NewGuid().ToString("N")[..10];
        var stranger = factory.StudioClient("studio-stranger");
        await RefusedAsync(stranger.PostAsJsonAsync("/api/titles", new { id = titleId, name = "Theirs", kind = "movie", studioId = "studio-owner" }),
            async () => Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync($"/api/titles/{titleId}")).StatusCode));
        var (ownedTitle, _) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-owner");
        var campaign = new { id = "c1", name = "Not yours", rewards = new[] { new { kind = "frame", description = "A frame", quantity = 1 } }, minLinkedViews = 0 };
        await RefusedAsync(stranger.PostAsJsonAsync($"/api/titles/{ownedTitle}/campaigns", campaign),
            async () => Assert.Equal(0, (await api.Admin.GetFromJsonAsync<JsonElement>($"/api/titles/{ownedTitle}/campaigns")).GetArrayLength()));
        await RefusedAsync(stranger.GetAsync($"/api/titles/{ownedTitle}/analytics"), () => Task.CompletedTask);
        await RefusedAsync(stranger.GetAsync($"/api/titles/{ownedTitle}/campaigns"), () => Task.CompletedTask);
        await RefusedAsync(stranger.GetAsync("/api/studios/studio-owner/titles"), () => Task.CompletedTask);

        // A creator registering a video as another creator, and reading another creator's rewards.
        var videoId = Guid.NewGuid().ToString("N");
        var creator = factory.ClientFor("creator-me", Roles.Creator);
        await RefusedAsync(creator.PostAsJsonAsync("/api/videos", new { id = videoId, creatorId = "creator-you", creatorFollowers = 5, hashtags = Array.Empty<string>(), caption = "", visualTags = Array.Empty<string>() }),
            async () => Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync($"/api/videos/{videoId}")).StatusCode));
        await RefusedAsync(creator.GetAsync("/api/creators/creator-you/rewards"), () => Task.CompletedTask);

        // A judge of another season scoring here; a partner of another season reading its shortlist.
        var seasonId = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId, partners: ["partner-owner"]));
        var (trackId, _) = await _seasons.EnteredTrackAsync(seasonId, "Scored Or Not");
        await RefusedAsync(_seasons.Judge("judge-elsewhere").PostAsJsonAsync($"/api/seasons/{seasonId}/rounds/1/scores", new { trackId, score = 10 }),
            async () => Assert.Equal(JsonValueKind.Null, (await _seasons.LeaderboardAsync(seasonId, 1)).GetProperty("rows")[0].GetProperty("judgeScore").ValueKind));
        await RefusedAsync(factory.ClientFor("partner-elsewhere", Roles.Partner).GetAsync($"/api/seasons/{seasonId}/shortlist"), () => Task.CompletedTask);

        // A reviewer clearing its own track.
        var reviewerArtist = factory.ClientFor("reviewer-and-artist", Roles.Artist, Roles.Reviewer);
        var created = await reviewerArtist.PostAsJsonAsync("/api/artists", new { displayName = "Moonlighting Reviewer", region = "JP" });
        var ownArtistId = await ApiScenario.IdOfAsync(created);
        var ownTrack = await api.SubmitTrackAsync(reviewerArtist, ownArtistId, "Own Song");
        await RefusedAsync(reviewerArtist.PostAsJsonAsync($"/api/tracks/{ownTrack}/review", new { decision = "clear" }),
            async () => Assert.Equal("submitted", (await api.Admin.GetFromJsonAsync<JsonElement>($"/api/tracks/{ownTrack}")).GetProperty("status").GetString()));

        Assert.Equal(11, checks);
    }
}
