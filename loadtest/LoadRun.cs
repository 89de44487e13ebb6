using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using HdrHistogram;
using Spotlight.LoadTest.Common;

namespace Spotlight.LoadTest;

/// <summary>
/// One run: senders post batches for the configured time (Zipf over the videos, with a viral phase in which
/// one video gets a set share of all events), a prober measures freshness of video counters and of title
/// analytics, and at the end every video's counters and the hot title's analytics are compared with what
/// was acknowledged.
/// </summary>
public sealed class LoadRun(LoadTestOptions options, HttpClient ingest, HttpClient reader, HttpClient admin, string runId)
{
    private readonly GroundTruth _truth = new(options.Videos + 1, v => SpotlightClient.VideoId(runId, v));
    private readonly long[] _eventsPerSecond = new long[options.DurationSeconds + 1];
    private readonly LongConcurrentHistogram[] _latencyPerSecond =
        [.. Enumerable.Range(0, options.DurationSeconds + 1).Select(_ => new LongConcurrentHistogram(1, 60_000_000, 3))];
    private readonly LongConcurrentHistogram _latency = new(1, 60_000_000, 3);
    private readonly LongConcurrentHistogram _freshness = new(1, 60_000_000, 3);
    private readonly List<(double Second, double Milliseconds)> _freshnessSamples = [];
    private readonly LongConcurrentHistogram _analyticsFreshness = new(1, 60_000_000, 3);
    private BatchPoster _poster = null!;

    public int ViralVideo => options.Videos / 2;

    public async Task<LoadResult> ExecuteAsync(Action<string> progress)
    {
        var zipf = new ZipfSampler(options.Videos, options.ZipfExponent);
        var clock = Stopwatch.StartNew();
        _poster = new BatchPoster(ingest, clock);
        var deadline = TimeSpan.FromSeconds(options.DurationSeconds);
        using var stop = new CancellationTokenSource();
        var prober = ProbeFreshnessAsync(clock, stop.Token);
        var senders = Enumerable.Range(0, options.Senders).Select(s => SendAsync(s, zipf, clock, deadline)).ToList();
        var reporter = Task.Run(async () =>
        {
            while (!senders.All(s => s.IsCompleted))
            {
                await Task.Delay(1000);
                var second = Math.Min((int)clock.Elapsed.TotalSeconds, options.DurationSeconds) - 1;
                if (second >= 0)
                {
                    progress($"t={second + 1,3}s  {_eventsPerSecond[second],9:N0} events/s  p99 ack {Ms(_latencyPerSecond[second], 99),7:N1} ms  errors {_poster.Errors}{(InViralPhase(second) ? "  [viral]" : "")}");
                }
            }
        });
        await Task.WhenAll(senders);
        await stop.CancelAsync();
        await prober;
        await reporter;

        progress("Checking every video's counters against what was acknowledged…");
        var mismatches = await _truth.VerifyAsync(reader, TimeSpan.FromSeconds(options.VerifySeconds), HotTitleDifferenceAsync);
        return BuildResult(mismatches);
    }

    private bool InViralPhase(int second) =>
        second >= options.ViralStartSeconds && second < options.ViralStartSeconds + options.ViralDurationSeconds;

    private async Task SendAsync(int sender, ZipfSampler zipf, Stopwatch clock, TimeSpan deadline)
    {
        var random = new Random(sender * 7919 + 17);
        var events = new EventDto[options.BatchSize];
        var picks = new (int Video, int Kind)[options.BatchSize];
        for (var sequence = 0; clock.Elapsed < deadline; sequence++)
        {
            var viral = InViralPhase((int)clock.Elapsed.TotalSeconds);
            for (var i = 0; i < events.Length; i++)
            {
                var video = viral && random.NextDouble() < options.ViralShare ? ViralVideo : zipf.Next(random);
                var roll = random.Next(100);
                var kind = roll < 85 ? 0 : roll < 95 ? 1 : roll < 98 ? 2 : 3;
                picks[i] = (video, kind);
                events[i] = new EventDto(SpotlightClient.VideoId(runId, video), SpotlightClient.Kinds[kind]);
            }

            var batch = new { batchId = $"{runId}-{sender}-{sequence}", events };
            if (await PostWithRetriesAsync(batch) is { } acceptedAt)
            {
                foreach (var (video, kind) in picks)
                {
                    _truth.Add(video, kind);
                }

                Interlocked.Add(ref _eventsPerSecond[Math.Min(acceptedAt, options.DurationSeconds)], events.Length);
            }
        }
    }

    /// <summary>Posts until acknowledged and records the latency; returns the second of the
    /// acknowledgement, or null if it never came.</summary>
    private async Task<int?> PostWithRetriesAsync(object batch)
    {
        if (await _poster.PostAsync(batch) is not { } acknowledged)
        {
            return null;
        }

        var micros = Math.Max(1, (long)acknowledged.Latency.TotalMicroseconds);
        var second = Math.Min((int)acknowledged.Started.TotalSeconds, options.DurationSeconds);
        _latency.RecordValue(micros);
        _latencyPerSecond[second].RecordValue(micros);
        return second;
    }

    /// <summary>Every 250 ms: one comment on a marker video, then the time from its acknowledgement until the
    /// API shows it on the video, and until the marker title's analytics show it.</summary>
    private async Task ProbeFreshnessAsync(Stopwatch clock, CancellationToken stop)
    {
        // The marker is registered beyond the Zipf range, so only the prober touches it.
        var marker = SpotlightClient.VideoId(runId, options.Videos);
        var expected = 0L;
        for (var probe = 0; !stop.IsCancellationRequested; probe++)
        {
            var batch = new { batchId = $"{runId}-probe-{probe}", events = new[] { new EventDto(marker, "comment") } };
            if (await PostWithRetriesAsync(batch) is null)
            {
                continue;
            }

            expected++;
            _truth.Add(options.Videos, 2);
            var acked = clock.Elapsed;
            while (await CommentsAsync(marker) < expected && clock.Elapsed - acked < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(5, CancellationToken.None);
            }

            var millis = (clock.Elapsed - acked).TotalMilliseconds;
            _freshness.RecordValue(Math.Max(1, (long)(millis * 1000)));
            lock (_freshnessSamples)
            {
                _freshnessSamples.Add((acked.TotalSeconds, millis));
            }

            while ((await TitleCountersAsync(SpotlightClient.MarkerTitle(runId)))[2] < expected && clock.Elapsed - acked < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(5, CancellationToken.None);
            }

            _analyticsFreshness.RecordValue(Math.Max(1, (long)((clock.Elapsed - acked).TotalMicroseconds)));

            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<long> CommentsAsync(string videoId)
    {
        var video = await reader.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}");
        return video.GetProperty("counters").GetProperty("comments").GetInt64();
    }

    /// <summary>A title's views, likes, comments and shares over matching videos in the last 24 hours.</summary>
    private async Task<long[]> TitleCountersAsync(string titleId)
    {
        var matching = (await admin.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/analytics")).GetProperty("totals").GetProperty("matching");
        return [matching.GetProperty("views").GetInt64(), matching.GetProperty("likes").GetInt64(), matching.GetProperty("comments").GetInt64(), matching.GetProperty("shares").GetInt64()];
    }

    private async Task<string?> HotTitleDifferenceAsync()
    {
        var expected = _truth.SumOver(v => SpotlightClient.MatchesHotTitle(v, options.Videos + 1));
        var actual = await TitleCountersAsync(SpotlightClient.HotTitle(runId));
        return actual.SequenceEqual(expected) ? null : $"hot title analytics: expected {string.Join('/', expected)}, API shows {string.Join('/', actual)}";
    }

    private LoadResult BuildResult(List<string> mismatches)
    {
        var seconds = Enumerable.Range(0, options.DurationSeconds).Select(s => new SecondSample(
            s + 1, _eventsPerSecond[s], Ms(_latencyPerSecond[s], 50), Ms(_latencyPerSecond[s], 99), InViralPhase(s))).ToList();
        var uniform = seconds.Where(s => !s.Viral && s.Second > 2).Select(s => (double)s.Events).DefaultIfEmpty().Average();
        var viral = seconds.Where(s => s.Viral).Select(s => (double)s.Events).DefaultIfEmpty().Average();
        lock (_freshnessSamples)
        {
            return new LoadResult(
                RunId: runId,
                Options: options,
                TotalEvents: _eventsPerSecond.Sum(),
                EventsPerSecond: _eventsPerSecond.Take(options.DurationSeconds).Sum() / (double)options.DurationSeconds,
                UniformEventsPerSecond: uniform,
                ViralEventsPerSecond: viral,
                AckP50Ms: Ms(_latency, 50),
                AckP99Ms: Ms(_latency, 99),
                AckMaxMs: _latency.GetMaxValue() / 1000.0,
                FreshnessP50Ms: Ms(_freshness, 50),
                FreshnessP99Ms: Ms(_freshness, 99),
                AnalyticsFreshnessP50Ms: Ms(_analyticsFreshness, 50),
                AnalyticsFreshnessP99Ms: Ms(_analyticsFreshness, 99),
                Errors: _poster.Errors,
                UnacknowledgedBatches: _poster.Unacknowledged,
                Mismatches: mismatches.Count,
                MismatchExamples: [.. mismatches.Take(10)],
                Seconds: seconds,
                Freshness: [.. _freshnessSamples.Select(f => new FreshnessSample(f.Second, f.Milliseconds))]);
        }
    }

    private static double Ms(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;

    private sealed record EventDto(string VideoId, string Kind);
}

public sealed record SecondSample(int Second, long Events, double AckP50Ms, double AckP99Ms, bool Viral);

public sealed record FreshnessSample(double AtSecond, double Milliseconds);

public sealed record LoadResult(
    string RunId,
    LoadTestOptions Options,
    long TotalEvents,
    double EventsPerSecond,
    double UniformEventsPerSecond,
    double ViralEventsPerSecond,
    double AckP50Ms,
    double AckP99Ms,
    double AckMaxMs,
    double FreshnessP50Ms,
    double FreshnessP99Ms,
    double AnalyticsFreshnessP50Ms,
    double AnalyticsFreshnessP99Ms,
    long Errors,
    long UnacknowledgedBatches,
    int Mismatches,
    IReadOnlyList<string> MismatchExamples,
    IReadOnlyList<SecondSample> Seconds,
    IReadOnlyList<FreshnessSample> Freshness);
