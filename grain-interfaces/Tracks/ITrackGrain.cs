using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Seasons;
namespace Spotlight.GrainInterfaces.Tracks;

/// <summary>A submitted track, keyed by track id: metadata, clearance, popularity.</summary>
[Alias("Spotlight.Tracks.ITrackGrain")]
public interface ITrackGrain : IGrainWithStringKey
{
    /// <summary>Called by the artist grain only, which has checked ownership and the artist's region.</summary>
    [Alias("SubmitAsync")]
    Task<CommandResult<TrackSubmitOutcome, TrackDetails>> SubmitAsync(SubmitTrackCommand command);

    [Alias("ReviewAsync")]
    Task<CommandResult<TrackReviewOutcome, TrackDetails>> ReviewAsync(ReviewDecision decision, string reviewerId, string? reason);

    [Alias("GetAsync")]
    Task<TrackDetails?> GetAsync();

    /// <summary>How the track's season answered its entry; null until a cleared track that names a season asked.</summary>
    [Alias("GetSeasonEntryAsync")]
    Task<SeasonEntryOutcome?> GetSeasonEntryAsync();
}
