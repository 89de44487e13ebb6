namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A track competing in a round, with what its leaderboard row shows besides the numbers.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.RoundEntry")]
public sealed record RoundEntry(
    [property: Id(0)] string TrackId,
    [property: Id(1)] string ArtistId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset SubmittedAt);
