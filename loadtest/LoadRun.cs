using System.Diagnostics;
using HdrHistogram;
using Spotlight.LoadTest.Common;

namespace Spotlight.LoadTest;

/// <summary>
/// One run: senders post batches for the configured time (Zipf over the videos, with a viral phase in which
/// one video gets a set share of all events; paced to <c>--rate</c> if given), a prober measures how soon an
/// acknowledged event shows where people look (see <see cref="FreshnessProbe"/>), the time the system needs
/// after the last acknowledgement to apply everything is measured, and at the end every video's counters
/// and the hot title's analytics are compared with what was acknowledged.
/// </summary>
public sealed class LoadRun(LoadTestOptions options, LoadClients clients, string runId, SetUp setUp, string seasonId)
{
    /// <summary>Videos of the eligibility probe (one per probe) and of the drain check (spread over the partitions).</summary>
    public const int EligibleProbeVideos = 400;
    public const int DrainVideos = 64;

    private readonly GroundTruth _truth = new(options.Videos + 1, v => SpotlightClient.VideoId(runId, v));
    private readonly long[] _eventsPerSecond = new long[options.DurationSeconds + 1];
    private readonly LongConcurrentHistogram[] _latencyPerSecond =
        [.. Enumerable.Range(0, options.DurationSeconds + 1).Select(_ => new LongConcurrentHistogram(1, 60_000_000, 3))];
    private readonly LongConcurrentHistogram _latency = new(1, 60_000_000, 3);
    private readonly Stopwatch _clock = new();
    private BatchPoster _poster = null!;

    public int ViralVideo => options.Videos / 2;

    public async Task<LoadResult> ExecuteAsync(Action<string> progress)
    {
        var zipf = new ZipfSampler(options.Videos, options.ZipfExponent);
        var videoIds = new VideoIds(options.Videos + 1, v => SpotlightClient.VideoId(runId, v));
        _clock.Start();
        _poster = new BatchPoster(clients.Ingest, _clock);
        var deadline = TimeSpan.FromSeconds(options.DurationSeconds);
        using var stop = new CancellationTokenSource();
        var probe = new FreshnessProbe(clients, runId, setUp, seasonId, _truth, options.Videos, PostAsync, _clock);
        var prober = probe.RunAsync(EligibleProbeVideos, stop.Token);
        var senders = Enumerable.Range(0, options.Senders).Select(s => SendAsync(s, zipf, new BatchBody(videoIds), deadline)).ToList();
        var reporter = Task.Run(async () =>
        {
            while (!senders.All(s => s.IsCompleted))
            {
                await Task.Delay(1000);
                var second = Math.Min((int)_clock.Elapsed.TotalSeconds, options.DurationSeconds) - 1;
                if (second >= 0)
                {
                    progress($"t={second + 1,3}s  {_eventsPerSecond[second],9:N0} events/s  p99 ack {Ms(_latencyPerSecond[second], 99),7:N1} ms  errors {_poster.Errors}{(InViralPhase(second) ? "  [viral]" : "")}");
                }
            }
        });
        await Task.WhenAll(senders);
        var lastAck = _clock.Elapsed;
        await stop.CancelAsync();
        var drain = await MeasureDrainAsync(lastAck);
        progress($"Applied to the end {drain.TotalMilliseconds:N0} ms after the last acknowledgement.");
        await prober;
        await reporter;

        progress("Checking every video's counters against what was acknowledged…");
        var mismatches = await _truth.VerifyAsync(clients.Reader, TimeSpan.FromSeconds(options.VerifySeconds), HotTitleDifferenceAsync);
        return BuildResult(mismatches, probe, drain);
    }

    private bool InViralPhase(int second) =>
        second >= options.ViralStartSeconds && second < options.ViralStartSeconds + options.ViralDurationSeconds;

    /// <summary>As many batches as the API takes, or one every (senders × batch ÷ rate) seconds per sender.</summary>
    private async Task SendAsync(int sender, ZipfSampler zipf, BatchBody body, TimeSpan deadline)
    {
        var random = new Random(sender * 7919 + 17);
        var picks = new (int Video, int Kind)[options.BatchSize];
        var interval = options.Rate > 0 ? TimeSpan.FromSeconds((double)options.Senders * options.BatchSize / options.Rate) : TimeSpan.Zero;
        var due = interval * sender / options.Senders;
        for (var sequence = 0; _clock.Elapsed < deadline; sequence++)
        {
            if (interval > TimeSpan.Zero)
            {
                if (due >= deadline)
                {
                    return;
                }

                if (due - _clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                due += interval;
            }

            var viral = InViralPhase((int)_clock.Elapsed.TotalSeconds);
            for (var i = 0; i < picks.Length; i++)
            {
                var video = viral && random.NextDouble() < options.ViralShare ? ViralVideo : zipf.Next(random);
                var roll = random.Next(100);
                picks[i] = (video, roll < 85 ? 0 : roll < 95 ? 1 : roll < 98 ? 2 : 3);
            }

            if (await PostAsync(body.Write($"{runId}-{sender}-{sequence}", picks)) is { } acceptedAt)
            {
                foreach (var (video, kind) in picks)
                {
                    _truth.Add(video, kind);
                }

                Interlocked.Add(ref _eventsPerSecond[Math.Min(acceptedAt, options.DurationSeconds)], picks.Length);
            }
        }
    }

    /// <summary>Posts until acknowledged and records the latency; returns the second of the
    /// acknowledgement, or null if it never came.</summary>
    private async Task<int?> PostAsync(ReadOnlyMemory<byte> body)
    {
        if (await _poster.PostAsync(body) is not { } acknowledged)
        {
            return null;
        }

        var micros = Math.Max(1, (long)acknowledged.Latency.TotalMicroseconds);
        var second = Math.Min((int)acknowledged.Started.TotalSeconds, options.DurationSeconds);
        _latency.RecordValue(micros);
        _latencyPerSecond[second].RecordValue(micros);
        return second;
    }

    /// <summary>
    /// How long after the last acknowledgement the log is applied to its end: one view on each drain video
    /// (spread over the partitions by their ids), posted right after the senders stop, waited for on every one.
    /// </summary>
    private async Task<TimeSpan> MeasureDrainAsync(TimeSpan lastAck)
    {
        var ids = new VideoIds(DrainVideos, i => SpotlightClient.DrainVideo(runId, i));
        var body = new BatchBody(ids).Write($"{runId}-drain", [.. Enumerable.Range(0, DrainVideos).Select(i => (i, 0))]);
        if (await _poster.PostAsync(body) is null)
        {
            return TimeSpan.MaxValue;
        }

        var pending = Enumerable.Range(0, DrainVideos).ToList();
        while (pending.Count > 0 && _clock.Elapsed - lastAck < TimeSpan.FromSeconds(options.VerifySeconds))
        {
            var views = await Task.WhenAll(pending.Select(async i => (i, Views: await clients.VideoCountersAsync(SpotlightClient.DrainVideo(runId, i)))));
            pending = [.. views.Where(v => v.Views[0] < 1).Select(v => v.i)];
            if (pending.Count > 0)
            {
                await Task.Delay(5);
            }
        }

        return _clock.Elapsed - lastAck;
    }

    private async Task<string?> HotTitleDifferenceAsync()
    {
        var expected = _truth.SumOver(v => SpotlightClient.MatchesHotTitle(v, options.Videos + 1));
        var actual = await clients.TitleCountersAsync(SpotlightClient.HotTitle(runId));
        return actual.SequenceEqual(expected) ? null : $"hot title analytics: expected {string.Join('/', expected)}, API shows {string.Join('/', actual)}";
    }

    private LoadResult BuildResult(List<string> mismatches, FreshnessProbe probe, TimeSpan drain)
    {
        var seconds = Enumerable.Range(0, options.DurationSeconds).Select(s => new SecondSample(
            s + 1, _eventsPerSecond[s], Ms(_latencyPerSecond[s], 50), Ms(_latencyPerSecond[s], 99), InViralPhase(s))).ToList();
        var uniform = seconds.Where(s => !s.Viral && s.Second > 2).Select(s => (double)s.Events).DefaultIfEmpty().Average();
        var viral = seconds.Where(s => s.Viral).Select(s => (double)s.Events).DefaultIfEmpty().Average();
        var rate = _eventsPerSecond.Take(options.DurationSeconds).Sum() / (double)options.DurationSeconds;
        return new LoadResult(
            RunId: runId,
            Options: options,
            TotalEvents: _eventsPerSecond.Sum(),
            EventsPerSecond: rate,
            UniformEventsPerSecond: uniform,
            ViralEventsPerSecond: viral,
            AckP50Ms: Ms(_latency, 50),
            AckP99Ms: Ms(_latency, 99),
            AckMaxMs: _latency.GetMaxValue() / 1000.0,
            Freshness: probe.Figures(),
            DrainMs: drain.TotalMilliseconds,
            BacklogSecondsOfTraffic: drain.TotalSeconds,
            Errors: _poster.Errors,
            UnacknowledgedBatches: _poster.Unacknowledged,
            Mismatches: mismatches.Count,
            MismatchExamples: [.. mismatches.Take(10)],
            Seconds: seconds,
            FreshnessSamples: probe.Samples());
    }

    public static double Ms(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;
}

public sealed record SecondSample(int Second, long Events, double AckP50Ms, double AckP99Ms, bool Viral);

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
    IReadOnlyList<FreshnessFigure> Freshness,
    double DrainMs,
    double BacklogSecondsOfTraffic,
    long Errors,
    long UnacknowledgedBatches,
    int Mismatches,
    IReadOnlyList<string> MismatchExamples,
    IReadOnlyList<SecondSample> Seconds,
    IReadOnlyList<FreshnessSample> FreshnessSamples);
