namespace Spotlight.GrainInterfaces.Artists;

[GenerateSerializer, Alias("Spotlight.Artists.ArtistCreateOutcome")]
public enum ArtistCreateOutcome
{
    Created = 0,
    AlreadyExists = 1,
    Invalid = 2,
}
