namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>Where a track stands in its season: the latest round it entered and its rank there (live while
/// the round is open, frozen after).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.TrackStanding")]
public sealed record TrackStanding(
    [property: Id(0)] int Round,
    [property: Id(1)] RoundState State,
    [property: Id(2)] int Rank,
    [property: Id(3)] decimal Score,
    [property: Id(4)] TrackOutcome Outcome,
    [property: Id(5)] string? Prize);

[GenerateSerializer, Alias("Spotlight.Seasons.TrackOutcome")]
public enum TrackOutcome
{
    /// <summary>The round has not closed yet.</summary>
    Competing,
    Advanced,
    Eliminated,
    Winner,
}
