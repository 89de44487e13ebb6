using Spotlight.Domain;
using Spotlight.Domain.Ranking;

namespace Spotlight.Tests.Unit.Domain.Ranking;

public class LiveLeaderboardTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0.8, 0.2)]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, 1.0)]
    public void RandomChanges_RankExactlyAsABruteForceSort(double popularityWeight, double judgeWeight)
    {
        var (pw, jw) = ((decimal)popularityWeight, (decimal)judgeWeight);
        var random = new Random(11);
        var board = new LiveLeaderboard(pw, jw);
        var truth = new Dictionary<string, Standing>();
        for (var i = 0; i < 300; i++)
        {
            // Some submissions share a time, so ties reach the id rule.
            var standing = new Standing($"t{i:D3}", Start.AddMinutes(random.Next(50)), 0, null);
            board.Add(standing.TrackId, standing.SubmittedAt);
            truth[standing.TrackId] = standing;
        }

        for (var step = 0; step < 3_000; step++)
        {
            var id = $"t{random.Next(300):D3}";
            if (random.Next(4) == 0)
            {
                var scores = Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(11)).ToList();
                var mean = RoundScoring.MeanJudgeScore(scores);
                Assert.True(board.SetMeanJudgeScore(id, mean));
                truth[id] = truth[id] with { MeanJudgeScore = mean };
            }
            else
            {
                // Popularity in a window only grows, in small steps so that equal popularities are common.
                var popularity = truth[id].Popularity + random.Next(3);
                Assert.True(board.SetPopularity(id, popularity));
                truth[id] = truth[id] with { Popularity = popularity };
            }

            if (step % 500 == 0)
            {
                AssertRanking(board, truth, pw, jw);
            }
        }

        AssertRanking(board, truth, pw, jw);
    }

    [Fact]
    public void AllZeroRoundWithoutJudges_RanksBySubmissionThenId()
    {
        var board = new LiveLeaderboard(0.5m, 0.5m);
        board.Add("b", Start);
        board.Add("a", Start);
        board.Add("z", Start.AddMinutes(-1));

        var rows = board.Top(10);

        Assert.Equal(["z", "a", "b"], rows.Select(r => r.Standing.TrackId));
        Assert.All(rows, r => Assert.Equal(0m, r.Score));
        Assert.Equal(0, board.MaxPopularity);
    }

    [Fact]
    public void LeaderGainingPopularity_ReordersAcrossJudgeGroups()
    {
        // j: judged 10, popularity 10. p: unjudged, popularity 20. Max 20: j = .25 + .5 = .75, p = .5.
        var board = new LiveLeaderboard(0.5m, 0.5m);
        board.Add("j", Start);
        board.Add("p", Start);
        board.Add("x", Start);
        board.SetMeanJudgeScore("j", 10m);
        board.SetPopularity("j", 10);
        board.SetPopularity("p", 20);
        Assert.Equal(["j", "p", "x"], board.Top(3).Select(r => r.Standing.TrackId));

        // x becomes the leader with 1000: j = .005 + .5 = .505, p = .01, x = .5 — j stays first only by judges.
        board.SetPopularity("x", 1000);
        Assert.Equal(["j", "x", "p"], board.Top(3).Select(r => r.Standing.TrackId));
        Assert.Equal(0.505m, board.Top(1)[0].Score);

        // Judges withdraw j's scores (mean null): it falls behind p on popularity.
        board.SetMeanJudgeScore("j", null);
        Assert.Equal(["x", "p", "j"], board.Top(3).Select(r => r.Standing.TrackId));
        Assert.Equal(3, board.RankOf("j"));
    }

    [Fact]
    public void Around_GivesTheRowAndItsNeighbours_AndUnknownTracksNothing()
    {
        var board = new LiveLeaderboard(1m, 0m);
        for (var i = 0; i < 10; i++)
        {
            board.Add($"t{i}", Start);
            board.SetPopularity($"t{i}", 100 - i);
        }

        var around = board.Around("t5", 2);

        Assert.Equal(["t3", "t4", "t5", "t6", "t7"], around.Select(r => r.Standing.TrackId));
        Assert.Equal([4, 5, 6, 7, 8], around.Select(r => r.Rank));
        Assert.Equal(["t0", "t1", "t2"], board.Around("t0", 2).Select(r => r.Standing.TrackId));
        Assert.Empty(board.Around("missing", 2));
        Assert.Null(board.RankOf("missing"));
        Assert.False(board.SetPopularity("missing", 1));
        Assert.False(board.Add("t1", Start));
    }

    private static void AssertRanking(LiveLeaderboard board, Dictionary<string, Standing> truth, decimal pw, decimal jw)
    {
        var max = truth.Values.Max(s => s.Popularity);
        var expected = truth.Values
            .Select(s => new LeaderboardKey(RoundScoring.Score(s.Popularity, max, s.MeanJudgeScore, pw, jw), s.Popularity, s.SubmittedAt, s.TrackId))
            .Order(LeaderboardOrder.Instance)
            .ToList();

        var all = board.All();
        Assert.Equal(expected.Select(k => (k.TrackId, k.Score)), all.Select(r => (r.Standing.TrackId, r.Score)));
        Assert.Equal(Enumerable.Range(1, expected.Count), all.Select(r => r.Rank));
        for (var i = 0; i < expected.Count; i += 23)
        {
            var id = expected[i].TrackId;
            Assert.Equal(i + 1, board.RankOf(id));
            var around = board.Around(id, 3);
            var from = Math.Max(0, i - 3);
            Assert.Equal(expected.Skip(from).Take(i - from + 4).Select(k => k.TrackId), around.Select(r => r.Standing.TrackId));
            Assert.Equal(from + 1, around[0].Rank);
        }
    }
}
