using System.Net.Http.Json;

namespace Spotlight.LoadTest.Soak;

/// <summary>
/// What the soak works on, made through the API: a season whose first round is open for the whole run (the
/// set-up tracks are its entries), a judge of it, the ingestion load test's artists, tracks, videos and titles,
/// and a title whose review queue takes every video registered during the run.
/// </summary>
public sealed record SoakSetUp(
    SpotlightClient Api,
    string RunId,
    SetUp Catalogue,
    string SeasonId,
    string LinkTitleId,
    SoakClients Clients)
{
    public static async Task<SoakSetUp> CreateAsync(SpotlightClient api, LoadTestOptions options, string runId, Action<string> progress)
    {
        var clients = await SoakClients.CreateAsync(api, runId);
        var seasonId = $"lt-{runId}-season";
        var now = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        // Round 1 stays open well past the run, so entries, scores and popularity keep changing throughout.
        var closes = minute.AddSeconds(options.DurationSeconds).AddHours(2);
        await SpotlightClient.EnsureAsync(() => clients.Admin.PostAsJsonAsync("/api/seasons", new
        {
            id = seasonId,
            name = $"Soak {runId}",
            regions = new[] { "JP" },
            rounds = new object[]
            {
                new { name = "Open call", opensAt = minute.AddMinutes(-1), closesAt = closes, advance = 18 },
                new { name = "Final", opensAt = closes.AddHours(1), closesAt = closes.AddHours(2) },
            },
            winners = 5,
        }));
        await SpotlightClient.EnsureAsync(() => clients.Admin.PostAsJsonAsync($"/api/seasons/{seasonId}/judges", new { userId = clients.JudgeId }));

        var catalogue = await api.SetUpAsync(runId, options.Videos + 1, options.Tracks, progress, seasonId);

        var linkTitleId = $"lt-{runId}-link";
        await SpotlightClient.EnsureAsync(() => clients.Admin.PostAsJsonAsync("/api/titles", new
        {
            id = linkTitleId,
            name = "Soak link title",
            kind = "show",
            studioId = "lt-studio",
            hashtags = new[] { linkTitleId },
            minFollowers = 1000,
            minViews = 0,
        }));
        return new SoakSetUp(api, runId, catalogue, seasonId, linkTitleId, clients);
    }
}
