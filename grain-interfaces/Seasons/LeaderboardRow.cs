namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>One ranked track. <see cref="JudgeScore"/> is the mean of the judges' scores, null when none.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.LeaderboardRow")]
public sealed record LeaderboardRow(
    [property: Id(0)] int Rank,
    [property: Id(1)] string TrackId,
    [property: Id(2)] string ArtistId,
    [property: Id(3)] string Title,
    [property: Id(4)] long Popularity,
    [property: Id(5)] decimal? JudgeScore,
    [property: Id(6)] decimal Score,
    [property: Id(7)] DateTimeOffset SubmittedAt)
{
    /// <summary>The track as an entry of a later round.</summary>
    public RoundEntry Entry => new(TrackId, ArtistId, Title, SubmittedAt);
}
