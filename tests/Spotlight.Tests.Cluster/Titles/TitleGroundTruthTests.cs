using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Creators;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Reviews;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Common;
using Spotlight.Domain;
using Spotlight.Domain.Analytics;
using Spotlight.Tests.Cluster.Embedded;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spotlight.Tests.Cluster.Titles;

/// <summary>
/// 100 titles and 10,000 videos with overlapping hashtags, caption keywords (one and two words, any case)
/// and visual tags, creators of every follower count, some creators in violation, and 60,000 random events
/// over the last two hours: every title's analytics equal the sums over the videos that match it, and the
/// link review queue holds exactly the (video, title) pairs that a brute-force check of every pair finds
/// eligible.
/// </summary>
public class TitleGroundTruthTests(ThreeSiloClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ThreeSiloClusterFixture>
{
    private const int TitleCount = 100;
    private const int VideoCount = 10_000;
    private const int CreatorCount = 400;
    private const int Events = 60_000;
    private const int EventsPerBatch = 500;
    private static readonly TimeSpan Settling = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AnalyticsEqualGroundTruth_AndQueuedPairsEqualBruteForceEligibility()
    {
        var grains = fixture.Cluster.Client;
        var random = new Random(20261124);
        var run = Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var titleIds = Enumerable.Range(0, TitleCount).Select(i => $"gt{run}-t{i}").ToList();
        foreach (var titleId in titleIds)
        {
            var keyword = random.Next(10) switch
            {
                < 3 => [$"w{random.Next(40)}"],
                < 5 => [$"w{random.Next(40)} w{random.Next(40)}"],
                _ => Array.Empty<string?>(),
            };
            var command = new CreateTitleCommand("Title " + titleId, random.Next(2) == 0 ? "movie" : "show", "studio-gt", [], [], [],
                [$"h{random.Next(60)}"], keyword, random.Next(10) < 3 ? [$"vis{random.Next(20)}"] : [],
                new long[] { 0, 500, 1_500 }[random.Next(3)], new long[] { 0, 20, 60 }[random.Next(3)], "admin");
            Assert.Equal(TitleCreateOutcome.Created, (await grains.GetGrain<ITitleHubGrain>(titleId).CreateAsync(command)).Outcome);
        }

        var creators = Enumerable.Range(0, CreatorCount).Select(i => (Id: $"gt{run}-c{i}", Followers: (long)random.Next(0, 2_001))).ToList();
        var violators = creators.Where((_, i) => i % 20 == 0).Select(c => c.Id).ToHashSet();
        foreach (var creator in violators)
        {
            await grains.GetGrain<ICreatorGrain>(creator).SetPolicyAsync(new PolicyDecision(true, "Ground truth", "reviewer-gt", now));
        }

        var videoIds = Enumerable.Range(0, VideoCount).Select(i => $"gt{run}-v{i}").ToList();
        foreach (var chunk in videoIds.Chunk(200))
        {
            var outcomes = await Task.WhenAll(chunk.Select(id =>
            {
                var creator = creators[random.Next(CreatorCount)];
                var hashtags = Enumerable.Range(0, random.Next(0, 3)).Select(_ => $"h{random.Next(60)}").Append($"n{random.Next(100)}").Distinct().ToList();
                var words = Enumerable.Range(0, random.Next(3, 7)).Select(_ => random.Next(3) == 0 ? $"n{random.Next(100)}" : $"w{random.Next(40)}");
                var caption = string.Join(' ', words.Select(w => random.Next(4) == 0 ? w.ToUpperInvariant() : w)) + "!";
                var visual = random.Next(10) < 3 ? new[] { $"vis{random.Next(20)}" } : [];
                return grains.GetGrain<IVideoGrain>(id).RegisterAsync(new RegisterVideoCommand(creator.Id, creator.Followers, null, hashtags, caption, visual));
            }));
            Assert.All(outcomes, o => Assert.Equal(VideoRegisterOutcome.Created, o.Outcome));
        }

        output.WriteLine($"{clock.Elapsed} registered");
        EngagementKind[] kinds = [EngagementKind.View, EngagementKind.View, EngagementKind.Like, EngagementKind.Comment, EngagementKind.Share];
        var events = new List<(string VideoId, EngagementKind Kind, int Count, DateTimeOffset At)>(Events);
        var batches = new List<IngestBatch>();
        for (var b = 0; b < Events / EventsPerBatch; b++)
        {
            var records = Enumerable.Range(0, EventsPerBatch).Select(_ =>
                (videoIds[random.Next(VideoCount)], kinds[random.Next(kinds.Length)], random.Next(1, 5), now.AddSeconds(-random.Next(0, 7_200)))).ToList();
            events.AddRange(records);
            batches.Add(IngestBatch.Of($"gt{run}-batch-{b}", records));
        }

        var ingest = grains.GetGrain<IEngagementIngestGrain>(0);
        Assert.All(await Task.WhenAll(batches.Select(ingest.IngestAsync)), outcome => Assert.Equal((EventsPerBatch, false), (outcome.Accepted, outcome.Duplicate)));

        output.WriteLine($"{clock.Elapsed} ingested");
        // Every video's counters first, then brute force over every pair from what the grains hold.
        var expectedViews = events.Where(e => e.Kind == EngagementKind.View).GroupBy(e => e.VideoId).ToDictionary(g => g.Key, g => g.Sum(e => (long)e.Count));
        Dictionary<string, VideoDetails> videos = [];
        await Eventually.UntilAsync(async () =>
        {
            videos = (await GrainCalls.InBatchesAsync(videoIds, 500, id => grains.GetGrain<IVideoGrain>(id).GetAsync())).ToDictionary(v => v.Key, v => v.Value!);
            return videos.Values.Sum(v => v.Counters.Views) == expectedViews.Values.Sum();
        }, Settling, "every view on the videos", TimeSpan.FromSeconds(1));
        Assert.All(videos.Values, v => Assert.Equal(expectedViews.GetValueOrDefault(v.Id), v.Counters.Views));
        output.WriteLine($"{clock.Elapsed} counters converged");
        var titles = (await GrainCalls.InBatchesAsync(titleIds, 100, id => grains.GetGrain<ITitleHubGrain>(id).GetAsync())).Values.Select(t => t!).ToList();

        var matching = titles.ToDictionary(t => t.Id, t => videos.Values.Where(v => LinkEligibility.Matches(v, t)).Select(v => v.Id).ToHashSet());
        var eligible = titles
            .SelectMany(t => matching[t.Id].Where(v => LinkEligibility.Evaluate(videos[v], t, policyViolation: violators.Contains(videos[v].CreatorId)).Eligible).Select(v => (Video: v, Title: t.Id)))
            .ToHashSet();
        output.WriteLine($"{matching.Values.Sum(m => m.Count)} matching pairs, {eligible.Count} eligible; {titles.Count(t => matching[t.Id].Count == 0)} titles match nothing");
        Assert.InRange(eligible.Count, 1_000, matching.Values.Sum(m => m.Count) - 1);

        output.WriteLine($"{clock.Elapsed} brute force");
        // Link reviews: exactly the eligible pairs, each once.
        HashSet<(string Video, string Title)> queued = [];
        await Eventually.UntilAsync(async () =>
        {
            var lists = await GrainCalls.InBatchesAsync(titleIds, 100, id => grains.GetGrain<ILinkReviewQueueGrain>(id).ListAsync(LinkReviewStatus.Pending, int.MaxValue));
            var pending = lists.Values.SelectMany(l => l).ToList();
            queued = [.. pending.Select(r => (r.VideoId, r.TitleId))];
            Assert.Equal(pending.Count, queued.Count);
            return queued.Count >= eligible.Count;
        }, Settling, $"{eligible.Count} queued pairs", TimeSpan.FromSeconds(1));
        Assert.Empty(eligible.Except(queued));
        Assert.Empty(queued.Except(eligible));

        output.WriteLine($"{clock.Elapsed} queue converged");
        // Analytics: each title's totals, series and top videos from its day grains.
        var (range, errors) = AnalyticsRangeRules.Validate(now.AddHours(-2).AddMinutes(-1).ToString("O"), null, "hour", 10, DateTimeOffset.UtcNow);
        Assert.Empty(errors);
        var expected = titles.ToDictionary(t => t.Id, t => events.Where(e => matching[t.Id].Contains(e.VideoId)).Aggregate(EngagementCounters.Zero, (sum, e) => sum.Add(e.Kind, e.Count)));
        Dictionary<string, TitleAnalytics> reports = [];
        await Eventually.UntilAsync(async () =>
        {
            reports = await GrainCalls.InBatchesAsync(titleIds, 20, id => ReportAsync(grains, id, range!));
            return titleIds.All(id => reports[id].Totals.Matching == expected[id]);
        }, Settling, "every title's analytics to equal its ground truth", TimeSpan.FromSeconds(1));
        output.WriteLine($"{clock.Elapsed} analytics converged");
        foreach (var title in titles)
        {
            var report = reports[title.Id];
            Assert.Equal(expected[title.Id], report.Series.Aggregate(EngagementCounters.Zero, (sum, p) => sum.Add(p.Matching)));
            Assert.Equal(EngagementCounters.Zero, report.Totals.Linked);
            var topVideos = matching[title.Id].Select(v => (Id: v, Engagement: TitleMinuteMath.Engagement(videos[v].Counters)))
                .Where(v => v.Engagement > 0).OrderByDescending(v => v.Engagement).ThenBy(v => v.Id, StringComparer.Ordinal).Take(10).ToList();
            Assert.Equal(topVideos, report.Top.Videos.Select(v => (v.Id, v.Engagement)));
            Assert.False(report.Top.Approximate, "no partition's top list overflowed, so the top videos are exact");
        }
    }

    private static async Task<TitleAnalytics> ReportAsync(IGrainFactory grains, string titleId, AnalyticsRange range)
    {
        var days = new List<TitleDayReport>();
        for (var day = range.FirstDay; day <= range.LastDay; day++)
        {
            days.Add(await grains.GetGrain<ITitleDayAnalyticsGrain>(TitleAnalyticsKeys.Day(titleId, day)).GetAsync(range.FromMinute, range.ToMinute));
        }

        return TitleAnalyticsReport.Build(titleId, range, days);
    }
}
