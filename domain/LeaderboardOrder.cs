namespace Spotlight.Domain;

/// <summary>What a leaderboard row is ranked by.</summary>
public readonly record struct LeaderboardKey(decimal Score, long Popularity, DateTimeOffset SubmittedAt, string TrackId);

/// <summary>
/// SPEC ranking: higher score first; ties by higher popularity, then earlier submission, then track id
/// (ordinal), so every pair of distinct tracks has a definite order and a rank is never shared.
/// </summary>
public sealed class LeaderboardOrder : IComparer<LeaderboardKey>
{
    public static readonly LeaderboardOrder Instance = new();

    public int Compare(LeaderboardKey x, LeaderboardKey y)
    {
        var byScore = y.Score.CompareTo(x.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byPopularity = y.Popularity.CompareTo(x.Popularity);
        if (byPopularity != 0)
        {
            return byPopularity;
        }

        var bySubmission = x.SubmittedAt.CompareTo(y.SubmittedAt);
        return bySubmission != 0 ? bySubmission : string.CompareOrdinal(x.TrackId, y.TrackId);
    }
}
