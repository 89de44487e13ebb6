namespace Spotlight.GrainInterfaces.Artists;

[GenerateSerializer, Immutable, Alias("Spotlight.Artists.ArtistProfile")]
public sealed record ArtistProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string Region,
    [property: Id(4)] string? Bio,
    [property: Id(5)] IReadOnlyList<string> Links,
    [property: Id(6)] bool Verified,
    [property: Id(7)] IReadOnlyList<string> TrackIds,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string? ContactEmail = null,
    [property: Id(10)] DateTimeOffset? VerifiedAt = null,
    [property: Id(11)] string? VerifiedBy = null,
    [property: Id(12)] IReadOnlyList<ArtistAward>? Awards = null);
