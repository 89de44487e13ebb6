using Spotlight.GrainInterfaces.Tracks;

namespace Spotlight.GrainInterfaces.Artists;

[GenerateSerializer, Alias("Spotlight.Artists.ArtistTrackSubmitOutcome")]
public enum ArtistTrackSubmitOutcome
{
    Created = 0,
    ArtistNotFound = 1,
    NotOwner = 2,
    Invalid = 3,
    TooManyTracks = 4,
}

[GenerateSerializer, Immutable, Alias("Spotlight.Artists.ArtistTrackSubmitResult")]
public sealed record ArtistTrackSubmitResult(
    [property: Id(0)] ArtistTrackSubmitOutcome Outcome,
    [property: Id(1)] TrackDetails? Track,
    [property: Id(2)] IReadOnlyList<FieldError> Errors);
