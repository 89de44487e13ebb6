namespace Spotlight.GrainInterfaces.Reviews;

/// <summary>A track waiting for clearance review.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Reviews.PendingTrack")]
public sealed record PendingTrack(
    [property: Id(0)] string TrackId,
    [property: Id(1)] string ArtistId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Region,
    [property: Id(4)] DateTimeOffset SubmittedAt);
