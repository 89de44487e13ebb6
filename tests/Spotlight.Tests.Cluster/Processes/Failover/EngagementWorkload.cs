using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes.Failover;

/// <summary>
/// Engagement traffic with a known ground truth, sent over HTTP the way a well-behaved ingest client
/// does: every batch goes to two API instances at the same moment, and a batch that neither
/// acknowledges is sent again under the same id until one does. Batch ids make the retries safe, so the
/// truth is simply "every batch, once". Events carry their time: the batches spread over an hour that ended
/// an hour ago, so the title's trend alerts (added before any traffic) have windows a brute force can judge.
/// </summary>
public sealed class EngagementWorkload
{
    private static readonly string[] Kinds = ["view", "like", "comment", "share"];
    private static readonly long[] Weights = [1, 3, 4, 8];
    private const long UsePoints = 20;
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(250);

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly List<Batch> _batches;
    private bool[] _taken = [];
    private readonly ConcurrentQueue<PairOutcome> _pairs = new();
    private string[] _tracks = [];
    private readonly ConcurrentQueue<TimeSpan> _acknowledgedAt = new();
    private readonly ConcurrentQueue<(TimeSpan At, bool Accepted)> _postOutcomes = new();
    private readonly System.Diagnostics.Stopwatch _clock = new();
    private readonly DateTimeOffset _start = AlertStart(DateTimeOffset.UtcNow);
    private int _acknowledged;
    private int _retries;

    public EngagementWorkload(int videos, int tracks, int batches, int eventsPerBatch, int seed)
    {
        VideoCount = videos;
        TrackCount = tracks;
        var random = new Random(seed);
        _batches = [.. Enumerable.Range(0, batches).Select(b => new Batch(
            $"fo-{_runId}-{b}",
            [.. Enumerable.Range(0, eventsPerBatch).Select(_ => new Event(random.Next(videos), random.Next(Kinds.Length), random.Next(1, 6),
                _start.AddSeconds((b * 3600L / batches) + random.Next(20))))]))];
    }

    public int VideoCount { get; }

    public int TrackCount { get; }

    public int BatchCount => _batches.Count;

    /// <summary>Batches acknowledged so far (202 from at least one of the two APIs).</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Attempts that got no 202 from either API (refused, failed or timed out) and were repeated.</summary>
    public int Retries => Volatile.Read(ref _retries);

    public IReadOnlyCollection<PairOutcome> Pairs => _pairs;

    /// <summary>Time since sending began.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Of all posts to either API, the share answered 202.</summary>
    public double SuccessRatio => SuccessBetween(TimeSpan.Zero, TimeSpan.MaxValue).Ratio;

    public int Posts => _postOutcomes.Count;

    /// <summary>Of the posts answered from <paramref name="from"/> to <paramref name="to"/> (on the sending
    /// clock), the share answered 202, and how many there were.</summary>
    public (double Ratio, int Posts) SuccessBetween(TimeSpan from, TimeSpan to)
    {
        var window = _postOutcomes.Where(p => p.At >= from && p.At <= to).ToList();
        return (window.Count == 0 ? 1 : (double)window.Count(p => p.Accepted) / window.Count, window.Count);
    }

    public int FailedPosts => _postOutcomes.Count(p => !p.Accepted);

    /// <summary>Batches acknowledged in each whole second since sending began.</summary>
    public int[] AcknowledgedPerSecond()
    {
        var times = _acknowledgedAt.ToArray();
        var seconds = new int[times.Length == 0 ? 0 : (int)times.Max().TotalSeconds + 1];
        foreach (var at in times)
        {
            seconds[(int)at.TotalSeconds]++;
        }

        return seconds;
    }

    /// <summary>The longest time from <paramref name="from"/> until the last acknowledgement in which no
    /// batch was acknowledged (the senders keep batches in flight all along, so a silence is the cluster's).</summary>
    public TimeSpan LongestSilenceAfter(TimeSpan from)
    {
        var (longest, previous) = (TimeSpan.Zero, from);
        foreach (var at in _acknowledgedAt.Where(t => t >= from).Order())
        {
            (longest, previous) = (at - previous > longest ? at - previous : longest, at);
        }

        return longest;
    }

    public string VideoId(int video) => $"fo-{_runId}-v{video}";

    /// <summary>The title whose analytics count the even-numbered videos (they carry its hashtag).</summary>
    public string TitleId => $"fo-{_runId}-title";

    /// <summary>One artist, cleared tracks, videos spread evenly over them (each video is one use), and a
    /// title that the even-numbered videos match, with its studio's trend alerts.</summary>
    public async Task SetUpAsync(Uri api)
    {
        using var admin = ApiProcesses.SetUpClientFor(api, TestTokens.Create($"fo-admin-{_runId}", "admin"));
        await IdAsync(await admin.PostAsJsonAsync("/api/titles", new { id = TitleId, name = "Failover Title", kind = "show", studioId = "fo-studio", hashtags = new[] { TitleId }, minViews = 1_000_000 }), TitleId);
        using var studio = ApiProcesses.SetUpClientFor(api, TestTokens.ForStudio($"fo-studio-user-{_runId}", "fo-studio"));
        foreach (var (id, kind, threshold, window) in Rules)
        {
            await IdAsync(await studio.PostAsJsonAsync($"/api/titles/{TitleId}/alerts", new { id, kind, threshold, window }), id);
        }

        using var artist = ApiProcesses.SetUpClientFor(api, TestTokens.Create($"fo-artist-{_runId}", "artist"));
        using var reviewer = ApiProcesses.SetUpClientFor(api, TestTokens.Create($"fo-reviewer-{_runId}", "reviewer"));
        using var ingest = ApiProcesses.SetUpClientFor(api, TestTokens.Create($"fo-ingest-{_runId}", "ingest"));
        var artistId = await IdAsync(await artist.PostAsJsonAsync("/api/artists", new { displayName = "Failover Artist", region = "SE" }));
        _tracks = new string[TrackCount];
        for (var t = 0; t < TrackCount; t++)
        {
            _tracks[t] = await IdAsync(await artist.PostAsJsonAsync($"/api/artists/{artistId}/tracks",
                new { title = $"Failover Track {t}", audioUrl = "https://cdn.example/failover.mp3", durationSeconds = 150, originalWork = true }));
            await IdAsync(await reviewer.PostAsJsonAsync($"/api/tracks/{_tracks[t]}/review", new { decision = "clear" }), _tracks[t]);
        }

        for (var v = 0; v < VideoCount; v++)
        {
            await IdAsync(await ingest.PostAsJsonAsync("/api/videos", new
            {
                id = VideoId(v),
                creatorId = $"fo-creator-{v}",
                creatorFollowers = 1000,
                trackId = _tracks[TrackOf(v)],
                hashtags = v % 2 == 0 ? new[] { TitleId } : [],
                caption = "failover",
                visualTags = Array.Empty<string>(),
            }), VideoId(v));
        }
    }

    /// <summary>Sends every batch until acknowledged, from <paramref name="senders"/> concurrent senders; with
    /// <paramref name="batchesPerSecond"/>, batch i is sent no earlier than i / rate seconds after the start,
    /// so the load lasts long enough to span changes to the cluster.</summary>
    public async Task SendAllAsync(Uri first, Uri second, int senders, TimeSpan deadline, double? batchesPerSecond = null, CancellationToken stopTaking = default)
    {
        _taken = new bool[_batches.Count];
        _clock.Start();
        var token = TestTokens.Create($"fo-ingest-{_runId}", "ingest");
        using var a = ApiProcesses.ClientFor(first, token);
        using var b = ApiProcesses.ClientFor(second, token);
        using var stop = new CancellationTokenSource(deadline);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int index;
            // Stopping takes no new batch; a batch taken is sent until acknowledged, so every taken batch counts.
            while (!stopTaking.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < _batches.Count)
            {
                _taken[index] = true;
                if (batchesPerSecond is { } rate && TimeSpan.FromSeconds(index / rate) - _clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait, stop.Token);
                }

                await SendUntilAcknowledgedAsync(_batches[index], a, b, stop.Token);
            }
        }));
    }

    /// <summary>Videos and tracks whose counters differ from the ground truth, as readable lines.</summary>
    public async Task<IReadOnlyList<string>> DifferencesAsync(Uri api)
    {
        using var http = ApiProcesses.ClientFor(api, null);
        var differences = new List<string>();
        var expectedCounts = new long[VideoCount, Kinds.Length];
        foreach (var e in TakenBatches().SelectMany(b => b.Events))
        {
            expectedCounts[e.Video, e.Kind] += e.Count;
        }

        for (var v = 0; v < VideoCount; v++)
        {
            var counters = (await http.GetFromJsonAsync<JsonElement>($"/api/videos/{VideoId(v)}")).GetProperty("counters");
            long[] actual = [.. Kinds.Select(k => counters.GetProperty(k + "s").GetInt64())];
            long[] expected = [.. Enumerable.Range(0, Kinds.Length).Select(k => expectedCounts[v, k])];
            if (!actual.SequenceEqual(expected))
            {
                differences.Add($"video {v}: {string.Join('/', actual)} not {string.Join('/', expected)}");
            }
        }

        for (var t = 0; t < TrackCount; t++)
        {
            var uses = Enumerable.Range(0, VideoCount).Count(v => TrackOf(v) == t);
            var points = (uses * UsePoints) + TakenBatches().SelectMany(b => b.Events).Where(e => TrackOf(e.Video) == t).Sum(e => e.Count * Weights[e.Kind]);
            var track = await http.GetFromJsonAsync<JsonElement>($"/api/tracks/{_tracks[t]}");
            var (actualPoints, actualUses) = (track.GetProperty("popularity").GetInt64(), track.GetProperty("uses").GetInt64());
            if (actualPoints != points || actualUses != uses)
            {
                differences.Add($"track {t}: popularity {actualPoints} uses {actualUses}, not {points} and {uses}");
            }
        }

        using var admin = ApiProcesses.ClientFor(api, TestTokens.Create($"fo-admin-{_runId}", "admin"));
        var matching = (await admin.GetFromJsonAsync<JsonElement>($"/api/titles/{TitleId}/analytics")).GetProperty("totals").GetProperty("matching");
        long[] actualTitle = [.. Kinds.Select(k => matching.GetProperty(k + "s").GetInt64())];
        long[] expectedTitle = [.. Enumerable.Range(0, Kinds.Length).Select(k => Enumerable.Range(0, VideoCount).Where(v => v % 2 == 0).Sum(v => expectedCounts[v, k]))];
        if (!actualTitle.SequenceEqual(expectedTitle))
        {
            differences.Add($"title analytics: {string.Join('/', actualTitle)} not {string.Join('/', expectedTitle)}");
        }

        await AlertDifferencesAsync(admin, differences);

        return differences;
    }

    /// <summary>The title's alert rules: views of its videos per minute above the mean, and one video's views per
    /// five minutes well above a video's mean (the busiest of its videos passes that in about half the windows).</summary>
    private (string Id, string Kind, long Threshold, int Window)[] Rules
    {
        get
        {
            // Views of the title's videos (half of them) per minute: counts average 3, a quarter of events are views.
            var perMinute = _batches.Sum(b => b.Events.Count) * 3.0 / 4 / 2 / 60;
            return
            [
                ("minute-rate", "engagement-rate", (long)perMinute, 1),
                ("five-minute-breakout", "video-breakout", (long)(1.8 * perMinute * 5 / (VideoCount / 2)), 5),
            ];
        }
    }

    /// <summary>Per rule, the windows that fire by brute force and the windows with any views.</summary>
    public IEnumerable<string> AlertWindowsFiring() => Rules.Select(rule =>
    {
        var views = TakenBatches().SelectMany(b => b.Events).Where(e => Kinds[e.Kind] == "view" && e.Video % 2 == 0).ToList();
        var windows = views.GroupBy(e => (long)Math.Floor((e.At - DateTimeOffset.UnixEpoch).TotalMinutes / rule.Window)).ToList();
        var firing = windows.Count(w => rule.Kind == "video-breakout"
            ? w.GroupBy(e => e.Video).Any(v => v.Sum(e => (long)e.Count) > rule.Threshold)
            : w.Sum(e => (long)e.Count) > rule.Threshold);
        return $"{rule.Id}: {firing} of {windows.Count} windows fire";
    });

    private static DateTimeOffset AlertStart(DateTimeOffset now) => new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-2);

    /// <summary>The windows each rule fires in by brute force over the batches taken, against those that fired
    /// (each must be listed once). <see cref="AlertWindowsFiring"/> says how many of how many windows fire.</summary>
    private async Task AlertDifferencesAsync(HttpClient admin, List<string> differences)
    {
        var fired = (await admin.GetFromJsonAsync<JsonElement>($"/api/titles/{TitleId}/alerts/fired?limit=200")).GetProperty("alerts").EnumerateArray()
            .Select(a => (Rule: a.GetProperty("ruleId").GetString()!, Start: a.GetProperty("windowStart").GetDateTimeOffset())).ToList();
        var views = TakenBatches().SelectMany(b => b.Events).Where(e => Kinds[e.Kind] == "view" && e.Video % 2 == 0).ToList();
        foreach (var (id, kind, threshold, window) in Rules)
        {
            var expected = views
                .GroupBy(e => (Window: (long)Math.Floor((e.At - DateTimeOffset.UnixEpoch).TotalMinutes / window), Subject: kind == "video-breakout" ? e.Video : -1))
                .Where(g => g.Sum(e => (long)e.Count) > threshold)
                .Select(g => DateTimeOffset.UnixEpoch.AddMinutes(g.Key.Window * window)).Distinct().Order().ToList();
            var got = fired.Where(f => f.Rule == id).Select(f => f.Start).Order().ToList();
            if (!got.SequenceEqual(expected))
            {
                differences.Add($"alert {id}: fired {got.Count} windows ({got.Distinct().Count()} distinct), brute force says {expected.Count}: " +
                    $"missing {string.Join(',', expected.Except(got).Select(t => t.ToString("HH:mm")))}, extra {string.Join(',', got.Except(expected).Select(t => t.ToString("HH:mm")))}");
            }
        }
    }

    private int TrackOf(int video) => video % TrackCount;

    /// <summary>The batches sending took (all of them unless it was told to stop taking).</summary>
    private IEnumerable<Batch> TakenBatches() => _batches.Where((_, i) => _taken.Length == 0 || _taken[i]);

    private async Task SendUntilAcknowledgedAsync(Batch batch, HttpClient a, HttpClient b, CancellationToken stop)
    {
        var body = new { batchId = batch.Id, events = batch.Events.Select(e => new { videoId = VideoId(e.Video), kind = Kinds[e.Kind], count = e.Count, at = e.At }).ToArray() };
        for (var attempt = 0; ; attempt++)
        {
            stop.ThrowIfCancellationRequested();
            var answers = await Task.WhenAll(PostAsync(a, body, stop), PostAsync(b, body, stop));
            var accepted = answers.Where(x => x.Status == HttpStatusCode.Accepted).ToList();
            foreach (var answer in answers)
            {
                _postOutcomes.Enqueue((_clock.Elapsed, answer.Status == HttpStatusCode.Accepted));
            }

            if (accepted.Count > 0)
            {
                _acknowledgedAt.Enqueue(_clock.Elapsed);
                var sequence = Interlocked.Increment(ref _acknowledged);
                _pairs.Enqueue(new PairOutcome(sequence, batch.Id, FirstAttempt: attempt == 0, BothAcknowledged: accepted.Count == 2,
                    Counted: accepted.Count(x => x.Duplicate == false)));
                return;
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(RetryBackoff, stop);
        }
    }

    private static async Task<Answer> PostAsync(HttpClient http, object body, CancellationToken stop)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/engagement", body, stop);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return new Answer(response.StatusCode, null);
            }

            var json = await response.Content.ReadFromJsonAsync<JsonElement>(stop);
            return new Answer(response.StatusCode, json.GetProperty("duplicate").GetBoolean());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
        {
            // The API or the silo behind it went away mid-request: the batch's fate is unknown, so it is resent.
            return new Answer(0, null);
        }
    }

    /// <summary>The id the answer gives. <paramref name="ownId"/>: a change under an id of this run's own, which
    /// finds it done (409) only when an earlier attempt, answered 503 on a slow machine and sent again, did it.</summary>
    private static async Task<string> IdAsync(HttpResponseMessage response, string? ownId = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == System.Net.HttpStatusCode.Conflict && ownId is not null)
        {
            return ownId;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.TryGetProperty("id", out var id) ? id.GetString()! : "";
    }

    private sealed record Event(int Video, int Kind, int Count, DateTimeOffset At);

    private sealed record Batch(string Id, IReadOnlyList<Event> Events);

    private sealed record Answer(HttpStatusCode Status, bool? Duplicate);

    /// <summary>How the two concurrent posts of one batch were answered; <c>Sequence</c> is the order of acknowledgement.</summary>
    public sealed record PairOutcome(int Sequence, string BatchId, bool FirstAttempt, bool BothAcknowledged, int Counted);
}
