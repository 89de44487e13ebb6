namespace Spotlight.GrainInterfaces.Tracks;

/// <summary>What an artist submits about a track.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Tracks.TrackSubmission")]
public sealed record TrackSubmission(
    [property: Id(0)] string Title,
    [property: Id(1)] string AudioUrl,
    [property: Id(2)] int DurationSeconds,
    [property: Id(3)] bool OriginalWork,
    [property: Id(4)] string? SeasonId);
