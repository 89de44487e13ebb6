namespace Spotlight.GrainInterfaces.Artists;

[GenerateSerializer, Immutable, Alias("Spotlight.Artists.CreateArtistCommand")]
public sealed record CreateArtistCommand(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Region,
    [property: Id(3)] string? Bio,
    [property: Id(4)] IReadOnlyList<string> Links,
    [property: Id(5)] string? ContactEmail = null);
