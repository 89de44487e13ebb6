namespace Spotlight.GrainInterfaces.Artists;

[GenerateSerializer, Alias("Spotlight.Artists.ArtistCreateOutcome")]
public enum ArtistCreateOutcome
{
    Created = 0,
    AlreadyExists = 1,
    Invalid = 2,
}

/// <summary>What creating an artist did; <see cref="Errors"/> names each invalid field.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Artists.ArtistCreateResult")]
public sealed record ArtistCreateResult(
    [property: Id(0)] ArtistCreateOutcome Outcome,
    [property: Id(1)] ArtistProfile? Artist,
    [property: Id(2)] IReadOnlyList<FieldError> Errors);
