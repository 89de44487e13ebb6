namespace Spotlight.GrainInterfaces.Artists;

/// <summary>A prize an artist's track won in a season's final round.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Artists.ArtistAward")]
public sealed record ArtistAward(
    [property: Id(0)] string SeasonId,
    [property: Id(1)] string TrackId,
    [property: Id(2)] int Rank,
    [property: Id(3)] string Prize);
