namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A reviewer's decision that a round no longer counts a video's engagement whose event time is in
/// [<see cref="From"/>, <see cref="To"/>) (whole minutes), with why, who and when.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.RoundExclusion")]
public sealed record RoundExclusion(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string TrackId,
    [property: Id(2)] DateTimeOffset From,
    [property: Id(3)] DateTimeOffset To,
    [property: Id(4)] string Reason,
    [property: Id(5)] string ExcludedBy,
    [property: Id(6)] DateTimeOffset At);
