using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Spotlight.LoadTest;

/// <summary>The API calls the load test makes, with tokens minted by the Development token route.</summary>
public sealed class SpotlightClient(HttpClient http)
{
    public static readonly string[] Kinds = ["view", "like", "comment", "share"];

    public HttpClient Anonymous() => new() { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Task<HttpClient> ForAsync(string subject, params string[] roles) => ForAsync(subject, roles, studioId: null);

    public async Task<HttpClient> ForAsync(string subject, string[] roles, string? studioId)
    {
        var response = await http.PostAsJsonAsync("/api/dev/tokens", new { sub = subject, roles, studioId });
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException("The target has no /api/dev/tokens: run it in the Development environment.");
        }

        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A title matched by every tenth video and the marker (the last video): its analytics take a
    /// tenth of the load, the hottest video included.</summary>
    public static string HotTitle(string runId) => $"lt-{runId}-hot";

    /// <summary>A title matched by the marker video only, whose analytics the freshness probe watches.</summary>
    public static string MarkerTitle(string runId) => $"lt-{runId}-marker";

    public static bool MatchesHotTitle(int video, int videoCount) => video % 10 == 0 || video == videoCount - 1;

    /// <summary>A title whose review queue the eligibility probe watches: its videos qualify at <see cref="EligibleViews"/> views.</summary>
    public static string EligibleTitle(string runId) => $"lt-{runId}-eligible";

    public const int EligibleViews = 1000;

    public static string EligibleVideo(string runId, int index) => $"lt-{runId}-eligible-{index}";

    public static string DrainVideo(string runId, int index) => $"lt-{runId}-drain-{index}";

    /// <summary>
    /// Artists, tracks cleared by a reviewer, two titles, and videos that use the tracks. The last video is
    /// the freshness marker; it alone uses the last track (the marker track). With <paramref name="seasonId"/>,
    /// the first <paramref name="entries"/> tracks (all when null) and the marker track are entries of its round 1.
    /// </summary>
    public async Task<SetUp> SetUpAsync(string runId, int videoCount, int trackCount, Action<string> progress, string? seasonId = null, int? entries = null)
    {
        var reviewer = await ForAsync($"lt-reviewer-{runId}", "reviewer");
        var ingest = await ForAsync($"lt-ingest-{runId}", "ingest");
        var admin = await ForAsync($"lt-admin-{runId}", "admin");
        foreach (var title in new[] { HotTitle(runId), MarkerTitle(runId) })
        {
            await EnsureAsync(() => admin.PostAsJsonAsync("/api/titles", new { id = title, name = title, kind = "movie", studioId = "lt-studio", hashtags = new[] { title }, minViews = long.MaxValue }));
        }

        var allTracks = trackCount + 1;
        var artistCount = (allTracks + 99) / 100;
        var artists = new string[artistCount];
        var tracks = new string[allTracks];
        var done = 0;
        await Parallel.ForAsync(0, artistCount, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (a, ct) =>
        {
            var artist = await ForAsync($"lt-artist-{runId}-{a}", "artist");
            var created = await EnsureAsync(() => artist.PostAsJsonAsync("/api/artists", new { displayName = $"Load Artist {a}", region = "JP" }, ct));
            var artistId = created.GetProperty("id").GetString()!;
            artists[a] = artistId;
            for (var t = a * 100; t < Math.Min(allTracks, (a + 1) * 100); t++)
            {
                var entered = seasonId is not null && (t == trackCount || entries is null || t < entries) ? seasonId : null;
                var track = await EnsureAsync(() => artist.PostAsJsonAsync($"/api/artists/{artistId}/tracks",
                    new { title = $"Load Track {t}", audioUrl = "https://cdn.example/load.mp3", durationSeconds = 120, originalWork = true, seasonId = entered }, ct));
                tracks[t] = track.GetProperty("id").GetString()!;
                await EnsureAsync(() => reviewer.PostAsJsonAsync($"/api/tracks/{tracks[t]}/review", new { decision = "clear" }, ct));
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
            videoTracks[v] = v == videoCount - 1 ? tracks[trackCount] : tracks[v % trackCount];
            await EnsureAsync(() => ingest.PostAsJsonAsync("/api/videos", new
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
        return new SetUp(artists, tracks, videoTracks);
    }

    /// <summary>The probes' own videos: <paramref name="eligible"/> videos of the eligibility title (each probe
    /// pushes one over its view threshold) and <paramref name="drain"/> videos spread over the partitions
    /// that show when the log has been applied to its end.</summary>
    public async Task SetUpProbesAsync(string runId, int eligible, int drain)
    {
        var ingest = await ForAsync($"lt-ingest-{runId}", "ingest");
        var admin = await ForAsync($"lt-admin-{runId}", "admin");
        await EnsureAsync(() => admin.PostAsJsonAsync("/api/titles", new
        {
            id = EligibleTitle(runId), name = "Eligibility probe", kind = "show", studioId = "lt-studio",
            hashtags = new[] { EligibleTitle(runId) }, minFollowers = 0, minViews = EligibleViews,
        }));
        var videos = Enumerable.Range(0, eligible).Select(i => (Id: EligibleVideo(runId, i), Hashtag: EligibleTitle(runId)))
            .Concat(Enumerable.Range(0, drain).Select(i => (Id: DrainVideo(runId, i), Hashtag: $"lt-{runId}-drain")));
        await Parallel.ForEachAsync(videos, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (video, ct) =>
            await EnsureAsync(() => ingest.PostAsJsonAsync("/api/videos", new
            {
                id = video.Id, creatorId = $"lt-probe-{runId}", creatorFollowers = 10, hashtags = new[] { video.Hashtag }, caption = "probe", visualTags = Array.Empty<string>(),
            }, ct)));
    }

    /// <summary>
    /// <paramref name="titles"/> titles matched by the hot title's videos, and <paramref name="rules"/> trend alerts
    /// spread over them (at most 20 a title): every kind, windows of 1 to 60 minutes, thresholds a busy window
    /// passes now and then. The titles cost the projectors what any matching title does, so a run that compares
    /// the alerts' cost makes them in both runs and the rules in one.
    /// </summary>
    public async Task SetUpAlertsAsync(string runId, int titles, int rules)
    {
        var studio = await ForAsync($"lt-studio-user-{runId}", ["studio"], "lt-studio");
        for (var t = 0; t < titles; t++)
        {
            await EnsureAsync(() => studio.PostAsJsonAsync("/api/titles", new
            {
                id = AlertTitle(runId, t), name = $"Alert title {t}", kind = "show", studioId = "lt-studio", hashtags = new[] { HotTitle(runId) }, minViews = long.MaxValue,
            }));
        }

        int[] windows = [1, 5, 15, 60];
        for (var r = 0; r < rules; r++)
        {
            var window = windows[r / 3 % windows.Length];
            object rule = (r % 3) switch
            {
                0 => new { id = $"rate-{r}", kind = "engagement-rate", threshold = 20_000L * window, window },
                1 => new { id = $"breakout-{r}", kind = "video-breakout", threshold = 5_000L * window, window },
                _ => (object)new { id = $"rising-{r}", kind = "hashtag-rising", threshold = 2_000L * window, window, factor = 2 },
            };
            await EnsureAsync(() => studio.PostAsJsonAsync($"/api/titles/{AlertTitle(runId, r % titles)}/alerts", rule));
        }
    }

    public static string AlertTitle(string runId, int index) => $"lt-{runId}-alerts-{index}";

    public static string VideoId(string runId, int index) => $"lt-{runId}-v{index}";

    /// <summary>Sends until the API stops answering 429, waiting as its <c>Retry-After</c> says (set-up
    /// creates thousands of things quickly and the API's per-caller limits apply to it too), then requires
    /// success and returns the answer's JSON.</summary>
    public static async Task<JsonElement> EnsureAsync(Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        while (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
            response = await send();
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }
}

/// <summary>What <see cref="SpotlightClient.SetUpAsync"/> made: artist ids, track ids (the last is the marker
/// track), and each video's track.</summary>
public sealed record SetUp(string[] Artists, string[] Tracks, string[] VideoTracks)
{
    public string MarkerTrack => Tracks[^1];
}
