using Spotlight.Domain;

namespace Spotlight.Tests.Unit.Domain;

public class RoundScoringTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Score_FollowsTheSpecFormula()
    {
        // 0.5 * 300/400 + 0.5 * 7/10 = 0.375 + 0.35
        Assert.Equal(0.725m, RoundScoring.Score(300, 400, 7m, 0.5m, 0.5m));
        Assert.Equal(1m, RoundScoring.Score(400, 400, 10m, 0.5m, 0.5m));
        Assert.Equal(0.88m, RoundScoring.Score(100, 100, 4m, 0.8m, 0.2m));
    }

    [Fact]
    public void Score_IsZeroForEachPartWithNothingToCount()
    {
        // All-zero popularity in the round: the popularity part is 0, not a division by zero.
        Assert.Equal(0.35m, RoundScoring.Score(0, 0, 7m, 0.5m, 0.5m));
        // Nobody scored the track: the judge part is 0.
        Assert.Equal(0.25m, RoundScoring.Score(200, 400, null, 0.5m, 0.5m));
        Assert.Equal(0m, RoundScoring.Score(0, 0, null, 0.5m, 0.5m));
    }

    [Fact]
    public void Score_RefusesPopularityOutsideTheRound()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RoundScoring.Score(500, 400, null, 0.5m, 0.5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => RoundScoring.Score(-1, 400, null, 0.5m, 0.5m));
    }

    [Fact]
    public void Score_EqualExactScoresAreEqualAfterRounding()
    {
        // 1/3 of the popularity part and the judge part reach the same exact score by different paths.
        var byPopularity = RoundScoring.Score(1, 3, 0m, 1m, 0m);
        var byJudges = RoundScoring.Score(0, 3, 10m / 3, 0m, 1m);

        Assert.Equal(byPopularity, byJudges);
    }

    [Fact]
    public void MeanJudgeScore_IsNullWithoutScores()
    {
        Assert.Null(RoundScoring.MeanJudgeScore([]));
        Assert.Equal(6.5m, RoundScoring.MeanJudgeScore([5, 8]));
        Assert.True(RoundScoring.IsValidJudgeScore(0));
        Assert.True(RoundScoring.IsValidJudgeScore(10));
        Assert.False(RoundScoring.IsValidJudgeScore(11));
        Assert.False(RoundScoring.IsValidJudgeScore(-1));
    }

    [Fact]
    public void Order_ScoreThenPopularityThenEarlierSubmissionThenTrackId()
    {
        LeaderboardKey[] rows =
        [
            new(0.5m, 10, Monday, "t-e"),
            new(0.9m, 1, Monday.AddDays(1), "t-a"),
            new(0.5m, 20, Monday.AddDays(2), "t-d"),
            new(0.5m, 10, Monday.AddHours(-1), "t-c"),
            new(0.5m, 10, Monday, "t-b"),
        ];

        var ranked = rows.Order(LeaderboardOrder.Instance).Select(r => r.TrackId);

        Assert.Equal(["t-a", "t-d", "t-c", "t-b", "t-e"], ranked);
    }

    [Fact]
    public void Order_AllZeroRound_IsDecidedBySubmissionAndId()
    {
        LeaderboardKey[] rows = [new(0m, 0, Monday, "b"), new(0m, 0, Monday, "a"), new(0m, 0, Monday.AddMinutes(-5), "z")];

        Assert.Equal(["z", "a", "b"], rows.Order(LeaderboardOrder.Instance).Select(r => r.TrackId));
        Assert.Equal(0, LeaderboardOrder.Instance.Compare(rows[0], rows[0]));
    }
}
