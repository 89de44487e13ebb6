using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary>The analytics' top videos by their captions, joined by the API, so the dashboard needs no call per
/// row.</summary>
public class TitleAnalyticsNamesApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly TitleScenario _titles = new(factory);

    [Fact]
    public async Task TopVideos_AreNamedByTheirCaptions()
    {
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-an");
        var captioned = await RegisterAsync("creator-named", tag, "Harbor lights at dusk");
        var bare = await RegisterAsync("creator-bare", tag, caption: "");
        // A title counts engagement once the silos' title index has it (up to 2 s after it is created, see
        // docs/architecture.md "Title index lag"): views are sent again until both videos are in the top list.
        JsonElement videos = default;
        await Eventually.UntilAsync(async () =>
            {
                var batch = new { batchId = Guid.NewGuid().ToString("N"), events = new[] { new { videoId = captioned, kind = "view", count = 9 }, new { videoId = bare, kind = "view", count = 4 } } };
                Assert.Equal(HttpStatusCode.Accepted, (await _titles.Api.Ingest.PostAsJsonAsync("/api/engagement", batch)).StatusCode);
                videos = (await factory.StudioClient("studio-an").GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/analytics")).GetProperty("top").GetProperty("videos");
                return videos.GetArrayLength() == 2;
            },
            TitleScenario.Settling,
            "both videos in the top list");

        Assert.Equal([(captioned, "Harbor lights at dusk"), (bare, null)], videos.EnumerateArray().Select(v => (v.GetProperty("id").GetString(), v.GetProperty("name").GetString())));
    }

    private async Task<string> RegisterAsync(string creatorId, string hashtag, string caption)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = await _titles.Api.Ingest.PostAsJsonAsync("/api/videos", new { id, creatorId, creatorFollowers = 10, hashtags = new[] { hashtag }, caption, visualTags = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }
}
