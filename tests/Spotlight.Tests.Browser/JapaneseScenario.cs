using System.Net;
using System.Net.Http.Json;
using Spotlight.Tests.Api;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Browser;

/// <summary>Data named in Japanese (a season, its round, an artist and a track; a title with a fan video's
/// engagement), so a page in Japanese or Korean holds no English word of the product's own.</summary>
public sealed class JapaneseScenario(KestrelApiFactory factory)
{
    public const string StudioId = "kaze-eiga";

    private readonly SeasonScenario _seasons = new(factory);

    public ApiScenario Api => _seasons.Api;

    /// <summary>A season open now in Japan and Korea with one cleared track entered in its first round.</summary>
    public async Task<(string SeasonId, string TrackId)> SeasonAsync()
    {
        var seasonId = SeasonScenario.NewId();
        var now = SeasonScenario.ThisMinute;
        await _seasons.CreateAsync(new
        {
            id = seasonId,
            name = "春のスポットライト " + seasonId[^4..],
            regions = new[] { "JP", "KR" },
            partners = Array.Empty<string>(),
            rounds = new object[]
            {
                new { name = "予選", opensAt = now.AddMinutes(-10), closesAt = now.AddMinutes(60), advance = 6 },
                new { name = "決勝", opensAt = now.AddMinutes(120), closesAt = now.AddMinutes(180) },
            },
            winners = 5,
            prizes = Array.Empty<object>(),
        });
        var (trackId, _) = await _seasons.EnteredTrackAsync(seasonId, "夜の海", artistName: "ハナ・モリ");
        return (seasonId, trackId);
    }

    /// <summary>A movie of <see cref="StudioId"/> with a cinema in Japan, and a fan video tagging it (and using the
    /// track, when given) whose views, likes and shares have reached the title's analytics.</summary>
    public async Task<(string TitleId, string Name)> TitleWithEngagementAsync(string? trackId = null)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (titleId, name, tag) = ("t" + run, "星降る港 " + run, "hoshifuru" + run);
        var created = await Api.Admin.PostAsJsonAsync("/api/titles", new
        {
            id = titleId,
            name,
            kind = "movie",
            studioId = StudioId,
            cast = new[] { new { name = "森花", role = "主演" } },
            hashtags = new[] { tag },
            whereToWatch = new[] { new { provider = "シネマ港", kind = "tickets", url = "https://cinema.example/hoshifuru", regions = new[] { "JP" } } },
            minFollowers = 0,
            minViews = 0,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var videoId = await Api.RegisterVideoAsync("kai-" + run, 5_000, trackId, tag);
        // A title counts engagement once the silos' title index has it (up to 2 s after it is created,
        // docs/architecture.md "Title index lag"); one video's batch is counted for the title whole or not at
        // all, so it is sent again only when none of it was.
        for (var attempt = 1; ; attempt++)
        {
            var batch = new
            {
                batchId = Guid.NewGuid().ToString("N"),
                events = new object[]
                {
                    new { videoId, kind = "view", count = 120 },
                    new { videoId, kind = "like", count = 18 },
                    new { videoId, kind = "share", count = 4 },
                },
            };
            Assert.Equal(HttpStatusCode.Accepted, (await Api.Ingest.PostAsJsonAsync("/api/engagement", batch)).StatusCode);
            var counted = await CountedViewsAsync(titleId, videoId, 120 * attempt);
            if (counted == 120 || attempt == 3)
            {
                Assert.Equal(120, counted);
                break;
            }

            Assert.Equal(0, counted);
        }

        return (titleId, name);
    }

    /// <summary>The title's matching views once the projector has applied the video's batch (the video's own
    /// counters show it): its notice reaches the title's analytics at once, unless the title was not counted.</summary>
    private async Task<long> CountedViewsAsync(string titleId, string videoId, long videoViews)
    {
        await Eventually.UntilAsync(
            async () => (await Api.Anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/videos/{videoId}")).GetProperty("counters").GetProperty("views").GetInt64() == videoViews,
            TitleScenario.Settling,
            "the fan video's views applied");
        long views = 0;
        try
        {
            await Eventually.UntilAsync(
                async () => (views = (await Api.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/titles/{titleId}/analytics"))
                    .GetProperty("totals").GetProperty("matching").GetProperty("views").GetInt64()) > 0,
                TimeSpan.FromSeconds(15),
                "the fan video's views in the title's analytics");
        }
        catch (TimeoutException)
        {
            // Not counted for the title: applied before the silo's title index knew it.
        }

        return views;
    }
}
