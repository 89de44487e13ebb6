using Spotlight.GrainInterfaces.Tracks;
using Spotlight.GrainInterfaces;

namespace Spotlight.GrainInterfaces.Artists;

/// <summary>An artist's profile, keyed by artist id.</summary>
[Alias("Spotlight.Artists.IArtistGrain")]
public interface IArtistGrain : IGrainWithStringKey
{
    /// <summary>Creates the profile; fails with <see cref="ArtistCreateOutcome.AlreadyExists"/> when it exists.</summary>
    [Alias("CreateAsync")]
    Task<CommandResult<ArtistCreateOutcome, ArtistProfile>> CreateAsync(CreateArtistCommand command);

    /// <summary>The profile, or null when no artist has this id.</summary>
    [Alias("GetAsync")]
    Task<ArtistProfile?> GetAsync();

    /// <summary>Gives the verified badge (idempotent); null when no artist has this id.</summary>
    [Alias("VerifyAsync")]
    Task<ArtistProfile?> VerifyAsync(string reviewerId);

    /// <summary>Submits a track to this artist's profile on behalf of <paramref name="callerId"/>, who must own it.</summary>
    [Alias("SubmitTrackAsync")]
    Task<CommandResult<ArtistTrackSubmitOutcome, TrackDetails>> SubmitTrackAsync(string trackId, string callerId, TrackSubmission submission);

    /// <summary>Records a season prize on the profile (idempotent per season and track); false when no artist has this id.</summary>
    [Alias("AwardAsync")]
    Task<bool> AwardAsync(ArtistAward award);
}
