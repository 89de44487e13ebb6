using System.Diagnostics;
using HdrHistogram;
using Spotlight.LoadTest.Common;

namespace Spotlight.LoadTest;

/// <summary>
/// How soon an acknowledged event shows where people see it, measured every 250 ms while the load runs:
/// one comment on the marker video (which alone uses the marker track, an entry of the season, and alone
/// matches the marker title) must show on the video's counters, on the round 1 leaderboard row of the marker
/// track and in the marker title's analytics; and one burst of views must push a fresh video of the
/// eligibility title over its threshold into that title's link review queue. Each is timed from the
/// acknowledgement until the API shows it.
/// </summary>
public sealed class FreshnessProbe(
    LoadClients clients, string runId, SetUp setUp, string seasonId, GroundTruth truth, int markerVideo,
    Func<ReadOnlyMemory<byte>, Task<int?>> post, Stopwatch clock)
{
    public const string VideoCounter = "video counter";
    public const string Leaderboard = "round leaderboard";
    public const string LinkEligibility = "link eligibility";
    public const string TitleAnalytics = "title analytics";

    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);
    private const int CommentPoints = 4;
    private const int UsePoints = 20;
    private const int CommentKind = 2;

    private readonly Dictionary<string, LongConcurrentHistogram> _histograms = new[] { VideoCounter, Leaderboard, LinkEligibility, TitleAnalytics }
        .ToDictionary(name => name, _ => new LongConcurrentHistogram(1, 60_000_000, 3));

    private readonly List<FreshnessSample> _samples = [];

    public async Task RunAsync(int eligibleVideos, CancellationToken stop)
    {
        var markerIds = new VideoIds(markerVideo + 1, v => SpotlightClient.VideoId(runId, v));
        var markerBody = new BatchBody(markerIds);
        var eligibleIds = new VideoIds(eligibleVideos, i => SpotlightClient.EligibleVideo(runId, i));
        var eligibleBody = new BatchBody(eligibleIds);
        var comments = 0L;
        for (var probe = 0; !stop.IsCancellationRequested; probe++)
        {
            if (await post(markerBody.Write($"{runId}-probe-{probe}", [(markerVideo, CommentKind)])) is not null)
            {
                comments++;
                truth.Add(markerVideo, CommentKind);
                var acked = clock.Elapsed;
                var expected = comments;
                await Task.WhenAll(
                    TimeAsync(VideoCounter, acked, async () => (await clients.VideoCountersAsync(SpotlightClient.VideoId(runId, markerVideo)))[CommentKind] >= expected),
                    TimeAsync(Leaderboard, acked, async () => await clients.LeaderboardPopularityAsync(seasonId, setUp.MarkerTrack) >= UsePoints + (CommentPoints * expected)),
                    TimeAsync(TitleAnalytics, acked, async () => (await clients.TitleCountersAsync(SpotlightClient.MarkerTitle(runId)))[CommentKind] >= expected));
            }

            if (probe < eligibleVideos
                && await post(eligibleBody.Write($"{runId}-eligible-{probe}", [(probe, 0)], count: SpotlightClient.EligibleViews)) is not null)
            {
                var video = SpotlightClient.EligibleVideo(runId, probe);
                var title = SpotlightClient.EligibleTitle(runId);
                await TimeAsync(LinkEligibility, clock.Elapsed, () => clients.PendingLinkReviewAsync(title, video));
                await clients.RejectLinkReviewAsync(title, video);
            }

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

    /// <summary>p50 and p99 of each figure.</summary>
    public IReadOnlyList<FreshnessFigure> Figures() =>
        [.. _histograms.Select(h => new FreshnessFigure(h.Key, LoadRun.Ms(h.Value, 50), LoadRun.Ms(h.Value, 99), h.Value.TotalCount))];

    public IReadOnlyList<FreshnessSample> Samples()
    {
        lock (_samples)
        {
            return [.. _samples];
        }
    }

    private static async Task<bool> ShowsAsync(Func<Task<bool>> shows)
    {
        try
        {
            return await shows();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private async Task TimeAsync(string figure, TimeSpan acked, Func<Task<bool>> shows)
    {
        while (!await ShowsAsync(shows) && clock.Elapsed - acked < GiveUp)
        {
            await Task.Delay(5);
        }

        var millis = (clock.Elapsed - acked).TotalMilliseconds;
        _histograms[figure].RecordValue(Math.Max(1, (long)(millis * 1000)));
        lock (_samples)
        {
            _samples.Add(new FreshnessSample(figure, acked.TotalSeconds, millis));
        }
    }
}

/// <summary>One freshness figure of a run: its median and 99th percentile over the probes.</summary>
public sealed record FreshnessFigure(string Name, double P50Ms, double P99Ms, long Probes);

public sealed record FreshnessSample(string Figure, double AtSecond, double Milliseconds);
