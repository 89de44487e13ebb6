using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Spotlight.LoadTest;

/// <summary>The API calls the load test makes, with tokens minted by the Development token route.</summary>
public sealed class SpotlightClient(HttpClient http)
{
    public static readonly string[] Kinds = ["view", "like", "comment", "share"];

    public async Task<HttpClient> ForAsync(string subject, params string[] roles)
    {
        var response = await http.PostAsJsonAsync("/api/dev/tokens", new { sub = subject, roles });
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException("The target has no /api/dev/tokens: run it in the Development environment.");
        }

        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var client = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A title matched by every tenth video and the marker (the last video): its analytics take a
    /// tenth of the load, the hottest video included.</summary>
    public static string HotTitle(string runId) => $"lt-{runId}-hot";

    /// <summary>A title matched by the marker video only, whose analytics the freshness probe watches.</summary>
    public static string MarkerTitle(string runId) => $"lt-{runId}-marker";

    public static bool MatchesHotTitle(int video, int videoCount) => video % 10 == 0 || video == videoCount - 1;

    /// <summary>Artists, tracks cleared by a reviewer, two titles, and videos that use the tracks; returns the
    /// track of each video. The last video is the freshness marker.</summary>
    public async Task<string[]> SetUpAsync(string runId, int videoCount, int trackCount, Action<string> progress)
    {
        var reviewer = await ForAsync($"lt-reviewer-{runId}", "reviewer");
        var ingest = await ForAsync($"lt-ingest-{runId}", "ingest");
        var admin = await ForAsync($"lt-admin-{runId}", "admin");
        foreach (var title in new[] { HotTitle(runId), MarkerTitle(runId) })
        {
            await Ensure(await admin.PostAsJsonAsync("/api/titles", new { id = title, name = title, kind = "movie", studioId = "lt-studio", hashtags = new[] { title }, minViews = long.MaxValue }));
        }

        var artistCount = (trackCount + 99) / 100;
        var tracks = new string[trackCount];
        var done = 0;
        await Parallel.ForAsync(0, artistCount, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (a, ct) =>
        {
            var artist = await ForAsync($"lt-artist-{runId}-{a}", "artist");
            var created = await Ensure(await artist.PostAsJsonAsync("/api/artists", new { displayName = $"Load Artist {a}", region = "JP" }, ct));
            var artistId = created.GetProperty("id").GetString();
            for (var t = a * 100; t < Math.Min(trackCount, (a + 1) * 100); t++)
            {
                var track = await Ensure(await artist.PostAsJsonAsync($"/api/artists/{artistId}/tracks",
                    new { title = $"Load Track {t}", audioUrl = "https://cdn.example/load.mp3", durationSeconds = 120, originalWork = true }, ct));
                tracks[t] = track.GetProperty("id").GetString()!;
                await Ensure(await reviewer.PostAsJsonAsync($"/api/tracks/{tracks[t]}/review", new { decision = "clear" }, ct));
                if (Interlocked.Increment(ref done) % 1000 == 0)
                {
                    progress($"{done} tracks cleared");
                }
            }
        });

        var videoTracks = new string[videoCount];
        done = 0;
        await Parallel.ForAsync(0, videoCount, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (v, ct) =>
        {
            videoTracks[v] = tracks[v % trackCount];
            await Ensure(await ingest.PostAsJsonAsync("/api/videos", new
            {
                id = VideoId(runId, v),
                creatorId = $"lt-creator-{v % 1000}",
                creatorFollowers = 5000,
                trackId = videoTracks[v],
                hashtags = (MatchesHotTitle(v, videoCount), v == videoCount - 1) switch
                {
                    (true, true) => new[] { HotTitle(runId), MarkerTitle(runId) },
                    (true, false) => [HotTitle(runId)],
                    _ => [],
                },
                caption = "load",
                visualTags = Array.Empty<string>(),
            }, ct));
            if (Interlocked.Increment(ref done) % 10_000 == 0)
            {
                progress($"{done} videos registered");
            }
        });
        return videoTracks;
    }

    public static string VideoId(string runId, int index) => $"lt-{runId}-v{index}";

    private static async Task<JsonElement> Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
