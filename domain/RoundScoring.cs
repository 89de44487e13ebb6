namespace Spotlight.Domain;

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

    public static decimal Score(long popularity, long maxPopularityInRound, decimal? meanJudgeScore, decimal popularityWeight, decimal judgeWeight)
    {
        if (popularity < 0 || maxPopularityInRound < 0 || popularity > maxPopularityInRound)
        {
            throw new ArgumentOutOfRangeException(nameof(popularity), $"Popularity {popularity} must lie within 0..{maxPopularityInRound}.");
        }

        var popularityPart = maxPopularityInRound == 0 ? 0m : (decimal)popularity / maxPopularityInRound;
        var judgePart = meanJudgeScore is { } mean ? mean / MaxJudgeScore : 0m;
        return Math.Round((popularityWeight * popularityPart) + (judgeWeight * judgePart), ScoreDecimals, MidpointRounding.ToEven);
    }

    /// <summary>Means are kept to this many places: one value for equal means however they were reached
    /// (5/3 and 10/6), and far finer than the score's own rounding.</summary>
    public const int MeanDecimals = 18;

    /// <summary>The mean of the judges' current scores, or null when no judge scored the track.</summary>
    public static decimal? MeanJudgeScore(IReadOnlyCollection<int> scores) =>
        scores.Count == 0 ? null : Math.Round((decimal)scores.Sum() / scores.Count, MeanDecimals, MidpointRounding.ToEven);

    public static bool IsValidJudgeScore(int score) => score is >= MinJudgeScore and <= MaxJudgeScore;
}
