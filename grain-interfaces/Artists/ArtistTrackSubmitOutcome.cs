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
