namespace Spotlight.GrainInterfaces.Artists;

/// <summary>An artist's profile, keyed by artist id.</summary>
[Alias("Spotlight.Artists.IArtistGrain")]
public interface IArtistGrain : IGrainWithStringKey
{
    /// <summary>Creates the profile; fails with <see cref="ArtistCreateOutcome.AlreadyExists"/> when it exists.</summary>
    [Alias("CreateAsync")]
    Task<ArtistCreateResult> CreateAsync(CreateArtistCommand command);

    /// <summary>The profile, or null when no artist has this id.</summary>
    [Alias("GetAsync")]
    Task<ArtistProfile?> GetAsync();
}
