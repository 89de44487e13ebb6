using System.Net.Http.Json;

namespace Spotlight.LoadTest;

/// <summary>The season of an ingestion run: round 1 opens a minute before the run and stays open well past
/// it, so its live leaderboard moves with the load (the freshness probe watches it).</summary>
public static class LoadSeason
{
    public static async Task<string> CreateAsync(SpotlightClient api, string runId, int durationSeconds)
    {
        using var admin = await api.ForAsync($"lt-admin-{runId}", "admin");
        var seasonId = $"lt-{runId}-season";
        var now = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var closes = minute.AddMinutes(Math.Ceiling(durationSeconds / 60.0)).AddHours(6);
        await SpotlightClient.EnsureAsync(() => admin.PostAsJsonAsync("/api/seasons", new
        {
            id = seasonId,
            name = $"Load {runId}",
            regions = new[] { "JP" },
            rounds = new object[]
            {
                new { name = "Open call", opensAt = minute.AddMinutes(-1), closesAt = closes, advance = 18 },
                new { name = "Final", opensAt = closes.AddHours(1), closesAt = closes.AddHours(2) },
            },
            winners = 5,
        }));
        return seasonId;
    }
}
