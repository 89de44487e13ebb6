using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Seasons;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Domain;
using Spotlight.Tests.Cluster.Embedded;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Seasons;

public class LeaderboardGroundTruthTests(ThreeSiloClusterFixture fixture) : IClassFixture<ThreeSiloClusterFixture>
{
    private const int Tracks = 2_000;
    private const int Events = 50_000;
    private const int EventsPerBatch = 500;

    [Fact]
    public async Task TwoThousandTracks_FiftyThousandEvents_RandomJudgeScores_RankExactlyAsBruteForce()
    {
        var grains = fixture.Cluster.Client;
        var random = new Random(20261123);
        var seasonId = "truth-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var opens = SeasonWorkflow.MinuteOf(now).AddMinutes(-30);
        var closes = SeasonWorkflow.MinuteOf(now).AddMinutes(60);
        await SeasonWorkflow.CreateAsync(grains, seasonId, SeasonWorkflow.Round(opens, closes), SeasonWorkflow.Round(closes, closes.AddHours(1)));
        var entries = await SeasonWorkflow.EnterAsync(grains, seasonId, Tracks);

        // Two videos for most tracks, none for every fifth (those stay at popularity 0 and tie).
        var videos = entries.Where((_, i) => i % 5 != 0).SelectMany(e => new[] { (Id: e.TrackId + "-v1", Track: e.TrackId), (Id: e.TrackId + "-v2", Track: e.TrackId) }).ToArray();
        foreach (var chunk in videos.Chunk(200))
        {
            await Task.WhenAll(chunk.Select(v => grains.GetGrain<IVideoGrain>(v.Id).RegisterAsync(new RegisterVideoCommand("creator", 10, v.Track, [], "", []))));
        }

        var points = entries.ToDictionary(e => e.TrackId, _ => 0L);
        foreach (var video in videos)
        {
            points[video.Track] += PopularityWeights.Default.Points(EngagementCounters.Zero, 1);
        }

        // Events from the last hour: those before the window opened (half an hour ago) must not count.
        EngagementKind[] kinds = [EngagementKind.View, EngagementKind.Like, EngagementKind.Comment, EngagementKind.Share];
        var batches = new List<IngestBatch>();
        for (var b = 0; b < Events / EventsPerBatch; b++)
        {
            var records = new List<(string, EngagementKind, int, DateTimeOffset)>(EventsPerBatch);
            for (var e = 0; e < EventsPerBatch; e++)
            {
                var video = videos[random.Next(videos.Length)];
                var kind = kinds[random.Next(kinds.Length)];
                var count = random.Next(1, 5);
                var at = now.AddSeconds(-random.Next(0, 3_600));
                records.Add((video.Id, kind, count, at));
                if (at >= opens)
                {
                    points[video.Track] += PopularityWeights.Default.Points(EngagementCounters.Zero.Add(kind, count), 0);
                }
            }

            batches.Add(IngestBatch.Of($"{seasonId}-batch-{b}", records));
        }

        var ingest = grains.GetGrain<IEngagementIngestGrain>(0);
        var accepted = await Task.WhenAll(batches.Select(ingest.IngestAsync));
        Assert.All(accepted, outcome => Assert.Equal((EventsPerBatch, false), (outcome.Accepted, outcome.Duplicate)));

        // Three judges score random tracks; a judge's later score replaces the earlier one.
        var season = grains.GetGrain<ISeasonGrain>(seasonId);
        string[] judges = ["judge-a", "judge-b", "judge-c"];
        foreach (var judge in judges)
        {
            await season.AddJudgeAsync(judge);
        }

        var scores = new Dictionary<(string Track, string Judge), int>();
        for (var s = 0; s < 1_500; s++)
        {
            var (track, judge, score) = (entries[random.Next(Tracks)].TrackId, judges[random.Next(judges.Length)], random.Next(0, 11));
            Assert.Equal(JudgeScoreOutcome.Scored, await season.ScoreAsync(1, judge, track, score));
            scores[(track, judge)] = score;
        }

        var expected = BruteForce(entries, points, scores);
        var round = grains.GetGrain<IRoundGrain>(RoundKeys.Of(seasonId, 1));
        IReadOnlyList<LeaderboardRow> actual = [];
        await Eventually.UntilAsync(
            async () => (actual = (await round.GetLeaderboardAsync(Tracks, null, 0)).Rows).Select(r => r.Popularity).Sum() == points.Values.Sum(),
            TimeSpan.FromSeconds(90),
            "the round's popularity to reach the ground truth total",
            poll: TimeSpan.FromMilliseconds(500));

        Assert.Equal(Tracks, actual.Count);
        for (var i = 0; i < Tracks; i++)
        {
            Assert.Equal(expected[i], (actual[i].Rank, actual[i].TrackId, actual[i].Popularity, actual[i].JudgeScore, actual[i].Score));
        }

        // `around` agrees with the brute force as well, at the top, the bottom and in between.
        foreach (var index in new[] { 0, 1, 777, Tracks - 1 })
        {
            var near = (await round.GetLeaderboardAsync(1, expected[index].TrackId, 3)).Around!;
            var from = Math.Max(0, index - 3);
            Assert.Equal(expected.Skip(from).Take(Math.Min(Tracks, index + 4) - from).Select(e => e.TrackId), near.Select(r => r.TrackId));
            Assert.Equal(from + 1, near[0].Rank);
        }
    }

    private static List<(int Rank, string TrackId, long Popularity, decimal? JudgeScore, decimal Score)> BruteForce(
        List<RoundEntry> entries, Dictionary<string, long> points, Dictionary<(string Track, string Judge), int> scores)
    {
        var max = points.Values.Max();
        return entries
            .Select(e =>
            {
                var mean = RoundScoring.MeanJudgeScore([.. scores.Where(s => s.Key.Track == e.TrackId).Select(s => s.Value)]);
                var key = new LeaderboardKey(RoundScoring.Score(points[e.TrackId], max, mean, 0.5m, 0.5m), points[e.TrackId], e.SubmittedAt, e.TrackId);
                return (Key: key, Mean: mean);
            })
            .OrderBy(x => x.Key, LeaderboardOrder.Instance)
            .Select((x, i) => (i + 1, x.Key.TrackId, x.Key.Popularity, x.Mean, x.Key.Score))
            .ToList();
    }
}
