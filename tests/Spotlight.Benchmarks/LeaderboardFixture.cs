using Spotlight.Domain;
using Spotlight.Domain.Ranking;

namespace Spotlight.Benchmarks;

/// <summary>A round as it looks mid-competition: heavy-tailed popularity (a few hits, a long tail), and a
/// third of the tracks scored by one to three judges.</summary>
public static class LeaderboardFixture
{
    public static string TrackId(int i) => $"track-{i:D7}";

    public static LiveLeaderboard Build(int entries, int seed = 42)
    {
        var random = new Random(seed);
        var board = new LiveLeaderboard(0.5m, 0.5m);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < entries; i++)
        {
            var id = TrackId(i);
            board.Add(id, start.AddSeconds(i));
            board.SetPopularity(id, (long)(1_000_000 / Math.Pow(1 + random.Next(entries), 0.9)));
            if (random.Next(3) == 0)
            {
                board.SetMeanJudgeScore(id, RoundScoring.MeanJudgeScore([.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(11))]));
            }
        }

        return board;
    }
}
