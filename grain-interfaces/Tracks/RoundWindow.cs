namespace Spotlight.GrainInterfaces.Tracks;

/// <summary>A round a track competes in, and the event-time window its popularity counts ([opens, closes)).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Tracks.RoundWindow")]
public sealed record RoundWindow(
    [property: Id(0)] string RoundKey,
    [property: Id(1)] DateTimeOffset OpensAt,
    [property: Id(2)] DateTimeOffset ClosesAt);
