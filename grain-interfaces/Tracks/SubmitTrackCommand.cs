namespace Spotlight.GrainInterfaces.Tracks;

/// <summary>A track submission as the artist grain passes it on: the artist's id and region are the
/// profile's, never the caller's word.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Tracks.SubmitTrackCommand")]
public sealed record SubmitTrackCommand(
    [property: Id(0)] string ArtistId,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] string Region,
    [property: Id(3)] string Title,
    [property: Id(4)] string AudioUrl,
    [property: Id(5)] int DurationSeconds,
    [property: Id(6)] bool OriginalWork,
    [property: Id(7)] string? SeasonId);
