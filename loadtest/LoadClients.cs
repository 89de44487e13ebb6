using System.Net.Http.Json;
using System.Text.Json;

namespace Spotlight.LoadTest;

/// <summary>The HTTP clients of an ingestion run, one per role, and the reads its checks make.</summary>
public sealed class LoadClients(HttpClient ingest, HttpClient reader, HttpClient admin, HttpClient reviewer) : IDisposable
{
    public HttpClient Ingest => ingest;

    public HttpClient Reader => reader;

    public static async Task<LoadClients> CreateAsync(SpotlightClient api, string runId) => new(
        await api.ForAsync($"lt-ingest-{runId}", "ingest"),
        api.Anonymous(),
        await api.ForAsync($"lt-admin-{runId}", "admin"),
        await api.ForAsync($"lt-reviewer-{runId}", "reviewer"));

    /// <summary>A video's views, likes, comments and shares.</summary>
    public async Task<long[]> VideoCountersAsync(string videoId)
    {
        var counters = (await reader.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}")).GetProperty("counters");
        return [counters.GetProperty("views").GetInt64(), counters.GetProperty("likes").GetInt64(), counters.GetProperty("comments").GetInt64(), counters.GetProperty("shares").GetInt64()];
    }

    /// <summary>A title's views, likes, comments and shares over matching videos in the last 24 hours.</summary>
    public async Task<long[]> TitleCountersAsync(string titleId)
    {
        var matching = (await admin.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/analytics")).GetProperty("totals").GetProperty("matching");
        return [matching.GetProperty("views").GetInt64(), matching.GetProperty("likes").GetInt64(), matching.GetProperty("comments").GetInt64(), matching.GetProperty("shares").GetInt64()];
    }

    /// <summary>A track's popularity on its round's live leaderboard.</summary>
    public async Task<long> LeaderboardPopularityAsync(string seasonId, string trackId)
    {
        var board = await reader.GetFromJsonAsync<JsonElement>($"/api/seasons/{seasonId}/rounds/1/leaderboard?top=1&around={trackId}&neighbours=0");
        foreach (var row in board.GetProperty("around").EnumerateArray())
        {
            if (row.GetProperty("trackId").GetString() == trackId)
            {
                return row.GetProperty("popularity").GetInt64();
            }
        }

        return -1;
    }

    /// <summary>Whether a title's link review queue holds the video as pending.</summary>
    public async Task<bool> PendingLinkReviewAsync(string titleId, string videoId)
    {
        var reviews = await reviewer.GetFromJsonAsync<JsonElement>($"/api/reviews/links?status=pending&titleId={titleId}&limit=200");
        foreach (var review in reviews.EnumerateArray())
        {
            if (review.GetProperty("videoId").GetString() == videoId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rejects a pending link review, so the queue stays short while probes keep adding to it.</summary>
    public async Task RejectLinkReviewAsync(string titleId, string videoId) =>
        (await reviewer.PostAsJsonAsync("/api/reviews/links", new { videoId, titleId, decision = "reject", reason = "Load test probe." })).Dispose();

    public void Dispose()
    {
        ingest.Dispose();
        reader.Dispose();
        admin.Dispose();
        reviewer.Dispose();
    }
}
