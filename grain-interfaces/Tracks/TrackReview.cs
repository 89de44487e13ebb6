namespace Spotlight.GrainInterfaces.Tracks;

/// <summary>Who decided what about a track, when and why.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Tracks.TrackReview")]
public sealed record TrackReview(
    [property: Id(0)] ReviewDecision Decision,
    [property: Id(1)] string ReviewerId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? Reason);
