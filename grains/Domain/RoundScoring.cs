namespace Spotlight.Grains.Domain;

/// <summary>
/// SPEC "Scoring": <c>score = popularityWeight * popularity / maxPopularityInRound + judgeWeight *
/// meanJudgeScore / 10</c>, where each part is 0 when there is nothing to divide by (no popularity in the
/// round yet, nobody scored the track).
/// </summary>
public static class RoundScoring
{
    /// <summary>Scores are compared, shown and tied at this many decimal places, so that two tracks whose
    /// exact scores are equal never differ by floating-point noise.</summary>
    public const int ScoreDecimals = 9;

    public const int MinJudgeScore = 0;
    public const int MaxJudgeScore = 10;

    public static decimal Score(long popularity, long maxPopularityInRound, double? meanJudgeScore, decimal popularityWeight, decimal judgeWeight)
    {
        if (popularity < 0 || maxPopularityInRound < 0 || popularity > maxPopularityInRound)
        {
            throw new ArgumentOutOfRangeException(nameof(popularity), $"Popularity {popularity} must lie within 0..{maxPopularityInRound}.");
        }

        var popularityPart = maxPopularityInRound == 0 ? 0m : (decimal)popularity / maxPopularityInRound;
        var judgePart = meanJudgeScore is { } mean ? (decimal)mean / MaxJudgeScore : 0m;
        return Math.Round((popularityWeight * popularityPart) + (judgeWeight * judgePart), ScoreDecimals, MidpointRounding.ToEven);
    }

    /// <summary>The mean of the judges' current scores, or null when no judge scored the track.</summary>
    public static double? MeanJudgeScore(IReadOnlyCollection<int> scores) => scores.Count == 0 ? null : scores.Average();

    public static bool IsValidJudgeScore(int score) => score is >= MinJudgeScore and <= MaxJudgeScore;
}
