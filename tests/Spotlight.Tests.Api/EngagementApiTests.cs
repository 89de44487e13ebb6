using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

public class EngagementApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private readonly ApiScenario _scenario = new(factory);
    private readonly HttpClient _ingest = factory.ClientFor("ingest-service", Roles.Ingest);

    [Fact]
    public async Task RegisterVideo_AsCreatorForItself_WithAClearedTrack_CountsOneUse()
    {
        var trackId = await ClearedTrackAsync();
        var creator = factory.ClientFor("creator-7", Roles.Creator);
        var videoId = NewId();

        var response = await creator.PostAsJsonAsync("/api/videos", Video(videoId, "creator-7", trackId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var video = await ApiScenario.JsonAsync(response);
        Assert.Equal(["dune", "fanedit"], video.GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, video.GetProperty("anchorLink").ValueKind);
        // The use travels on the engagement stream, so it shows within the freshness window.
        await Eventually.UntilAsync(async () =>
        {
            var track = await _scenario.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}");
            return (track.GetProperty("uses").GetInt64(), track.GetProperty("popularity").GetInt64()) == (1, 20);
        }, Freshness, "the track to count one use (20 points)");
    }

    [Fact]
    public async Task RegisterVideo_Refusals_NameTheFieldOrRole_AndStoreNothing()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();
        var pendingTrack = await _scenario.SubmitTrackAsync(artist, artistId);
        var creator = factory.ClientFor("creator-8", Roles.Creator);
        var id = NewId();

        await ProblemAssertions.AssertProblemAsync(await creator.PostAsJsonAsync("/api/videos", Video(id, "someone-else")), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await artist.PostAsJsonAsync("/api/videos", Video(id, "creator-8")), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await _scenario.Anonymous.PostAsJsonAsync("/api/videos", Video(id, "creator-8")), HttpStatusCode.Unauthorized);
        await ProblemAssertions.AssertFieldErrorsAsync(await creator.PostAsJsonAsync("/api/videos", Video(id, "creator-8", pendingTrack)), "trackId");
        await ProblemAssertions.AssertFieldErrorsAsync(
            await creator.PostAsJsonAsync("/api/videos", new { id, creatorId = "creator-8", creatorFollowers = -1, hashtags = new[] { "ok", "two words" }, caption = "c", visualTags = Array.Empty<string>() }),
            "creatorFollowers", "hashtags[1]");

        await ProblemAssertions.AssertProblemAsync(await _scenario.Anonymous.GetAsync($"/api/videos/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RegisterVideo_ByCreatorWithoutCreatorId_Is400NamingIt()
    {
        var response = await factory.ClientFor("creator-9", Roles.Creator).PostAsJsonAsync("/api/videos",
            new { id = NewId(), creatorFollowers = 5, hashtags = Array.Empty<string>(), caption = "", visualTags = Array.Empty<string>() });

        await ProblemAssertions.AssertFieldErrorsAsync(response, "creatorId");
    }

    [Fact]
    public async Task RegisterVideo_Twice_Is409()
    {
        var id = NewId();
        Assert.Equal(HttpStatusCode.Created, (await _ingest.PostAsJsonAsync("/api/videos", Video(id, "any-creator"))).StatusCode);

        await ProblemAssertions.AssertProblemAsync(await _ingest.PostAsJsonAsync("/api/videos", Video(id, "any-creator")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Engagement_MixedBatch_AcceptsExactlyTheValidEvents_AndCountsThem()
    {
        var trackId = await ClearedTrackAsync();
        var videoId = await RegisterAsync(trackId);
        var batch = new
        {
            batchId = NewId(),
            events = new object[]
            {
                new { videoId, kind = "view", count = 100 },
                new { videoId = "no-such-video", kind = "view" },
                new { videoId, kind = "like" },
                new { videoId, kind = "dislike" },
                new { videoId, kind = "share", count = 0 },
                new { videoId, kind = "share", count = 10_001 },
                new { videoId, kind = "comment", count = 2, at = DateTimeOffset.UtcNow.AddMinutes(-3) },
                new { videoId, kind = "view", at = DateTimeOffset.UtcNow.AddHours(1) },
                new { videoId, kind = "share", count = 3 },
            },
        };

        var response = await _ingest.PostAsJsonAsync("/api/engagement", batch);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await ApiScenario.JsonAsync(response);
        Assert.Equal(4, body.GetProperty("accepted").GetInt32());
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        Assert.Equal([1, 3, 4, 5, 7], body.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        Assert.All(body.GetProperty("rejected").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("error").GetString())));
        await WaitForCountersAsync(videoId, views: 100, likes: 1, comments: 2, shares: 3);
        // SPEC weights: 100*1 + 1*3 + 2*4 + 3*8, plus the video's use of the track (20).
        await Eventually.UntilAsync(
            async () => (await _scenario.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}")).GetProperty("popularity").GetInt64() == 100 + 3 + 8 + 24 + 20,
            Freshness,
            "the track's popularity to reach 155");
    }

    [Fact]
    public async Task Engagement_ReRanksTheFeaturedPlaylist_MostPopularFirst()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync("CL");
        var early = await _scenario.SubmitTrackAsync(artist, artistId, "Early");
        var late = await _scenario.SubmitTrackAsync(artist, artistId, "Late");
        await _scenario.ReviewAsync(early, "clear");
        await _scenario.ReviewAsync(late, "clear");
        Assert.Equal([early, late], await _scenario.PlaylistAsync("CL"));
        var videoId = await RegisterAsync(late);

        await _ingest.PostAsJsonAsync("/api/engagement", new { batchId = NewId(), events = new[] { new { videoId, kind = "share", count = 50 } } });

        // 50 shares * 8 + one use * 20.
        await Eventually.UntilAsync(async () =>
        {
            var playlist = await _scenario.Anonymous.GetFromJsonAsync<JsonElement>("/api/playlists/featured?region=CL");
            var first = playlist.GetProperty("tracks")[0];
            return first.GetProperty("trackId").GetString() == late && first.GetProperty("popularity").GetInt64() == 420;
        }, Freshness, "the engaged track to lead the playlist with 420 points");
    }

    [Fact]
    public async Task Engagement_SameBatchTwice_IsADuplicate_RepeatingTheFirstAnswer_AndCountsOnce()
    {
        var videoId = await RegisterAsync(trackId: null);
        var batchId = NewId();
        var batch = new { batchId, events = new object[] { new { videoId, kind = "view", count = 7 }, new { videoId = "nobody", kind = "view" }, new { videoId, kind = "boo" } } };

        var first = await ApiScenario.JsonAsync(await _ingest.PostAsJsonAsync("/api/engagement", batch));
        var second = await ApiScenario.JsonAsync(await _ingest.PostAsJsonAsync("/api/engagement", batch));

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.Equal((1, 1), (first.GetProperty("accepted").GetInt32(), second.GetProperty("accepted").GetInt32()));
        Assert.Equal(first.GetProperty("rejected").GetRawText(), second.GetProperty("rejected").GetRawText());
        Assert.Equal([1, 2], second.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        // Every event of a video goes to one partition, in order: once this later one shows, the duplicate
        // would have shown too had it counted.
        await _ingest.PostAsJsonAsync("/api/engagement", new { batchId = NewId(), events = new[] { new { videoId, kind = "like", count = 1 } } });
        await WaitForCountersAsync(videoId, views: 7, likes: 1, comments: 0, shares: 0);
    }

    [Fact]
    public async Task Engagement_EventsOlderThanTheDedupeWindow_AreRejectedOneByOne()
    {
        var videoId = await RegisterAsync(trackId: null);
        var batch = new
        {
            batchId = NewId(),
            events = new object[]
            {
                new { videoId, kind = "view", at = DateTimeOffset.UtcNow.AddDays(-8) },
                new { videoId, kind = "view", count = 2, at = DateTimeOffset.UtcNow.AddDays(-6) },
            },
        };

        var body = await ApiScenario.JsonAsync(await _ingest.PostAsJsonAsync("/api/engagement", batch));

        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        Assert.Equal((0, "at: older than the dedupe window (7 days)."), (rejected.GetProperty("index").GetInt32(), rejected.GetProperty("error").GetString()));
        await WaitForCountersAsync(videoId, views: 2, likes: 0, comments: 0, shares: 0);
    }

    [Fact]
    public async Task Engagement_TooManyEvents_Is400NamingEvents_AndCountsNothing()
    {
        var videoId = await RegisterAsync(trackId: null);
        var events = Enumerable.Range(0, 5_001).Select(_ => new { videoId, kind = "view" }).ToArray();

        var response = await _ingest.PostAsJsonAsync("/api/engagement", new { batchId = NewId(), events });

        await ProblemAssertions.AssertFieldErrorsAsync(response, "events");
        var exactlyMax = await _ingest.PostAsJsonAsync("/api/engagement", new { batchId = NewId(), events = events[..5_000] });
        Assert.Equal(HttpStatusCode.Accepted, exactlyMax.StatusCode);
        await WaitForCountersAsync(videoId, views: 5_000, likes: 0, comments: 0, shares: 0);
    }

    [Theory]
    [InlineData("""{"events":[]}""", "batchId")]
    [InlineData("""{"batchId":"has space","events":[]}""", "batchId")]
    [InlineData("""{"batchId":"b1"}""", "events")]
    [InlineData("""{"batchId":"b1","events":[{"videoId":"v","kind":"view","count":"many"}]}""", "events[0].count")]
    [InlineData("""{"batchId":"b1","events":[{"videoId":"v","kind":"view"},{"videoId":"v","kind":7}]}""", "events[1].kind")]
    [InlineData("""{"batchId":"b1","events":[{"videoId":"v","kind":"view","at":"yesterday"}]}""", "events[0].at")]
    [InlineData("""{"batchId":"b1","events":[{"videoId":"v","kind":"view","count":1e20}]}""", "events[0].count")]
    [InlineData("""{"batchId":"b1","events":["v"]}""", "events[0]")]
    [InlineData("""{"batchId":["b1"],"events":[]}""", "batchId")]
    public async Task Engagement_MalformedBatch_Is400NamingTheField(string body, string field)
    {
        var response = await _ingest.PostAsync("/api/engagement", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssertions.AssertFieldErrorsAsync(response, field);
    }

    [Fact]
    public async Task Engagement_IsForTheIngestServiceOnly()
    {
        var batch = new { batchId = NewId(), events = Array.Empty<object>() };

        await ProblemAssertions.AssertProblemAsync(await _scenario.Anonymous.PostAsJsonAsync("/api/engagement", batch), HttpStatusCode.Unauthorized);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("c", Roles.Creator).PostAsJsonAsync("/api/engagement", batch), HttpStatusCode.Forbidden);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static object Video(string id, string creatorId, string? trackId = null) => new
    {
        id,
        creatorId,
        creatorFollowers = 25_000,
        trackId,
        hashtags = new[] { "#Dune", "fanedit", "dune" },
        caption = "Arrakis at dawn",
        visualTags = new[] { "desert" },
    };

    private async Task<string> ClearedTrackAsync()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);
        await _scenario.ReviewAsync(trackId, "clear");
        return trackId;
    }

    private async Task<string> RegisterAsync(string? trackId)
    {
        var id = NewId();
        var response = await _ingest.PostAsJsonAsync("/api/videos", Video(id, "creator-x", trackId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private Task WaitForCountersAsync(string videoId, long views, long likes, long comments, long shares) =>
        Eventually.UntilAsync(async () =>
        {
            var counters = (await _scenario.Anonymous.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}")).GetProperty("counters");
            return (counters.GetProperty("views").GetInt64(), counters.GetProperty("likes").GetInt64(), counters.GetProperty("comments").GetInt64(), counters.GetProperty("shares").GetInt64())
                == (views, likes, comments, shares);
        }, Freshness, $"video {videoId} to count {views}/{likes}/{comments}/{shares}");
}
