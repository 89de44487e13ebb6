namespace Spotlight.GrainInterfaces.Reviews;

/// <summary>Tracks waiting for clearance, oldest first. One queue (key <see cref="Key"/>).</summary>
[Alias("Spotlight.Reviews.ITrackReviewQueueGrain")]
public interface ITrackReviewQueueGrain : IGrainWithStringKey
{
    public const string Key = "tracks";

    /// <summary>Idempotent.</summary>
    [Alias("AddAsync")]
    Task AddAsync(PendingTrack track);

    /// <summary>Idempotent.</summary>
    [Alias("RemoveAsync")]
    Task RemoveAsync(string trackId);

    [Alias("GetPendingAsync")]
    Task<IReadOnlyList<PendingTrack>> GetPendingAsync(int limit);
}
