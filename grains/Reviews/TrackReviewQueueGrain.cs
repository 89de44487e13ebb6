using Spotlight.GrainInterfaces.Reviews;

namespace Spotlight.Grains.Reviews;

public sealed class TrackReviewQueueGrain(
    [PersistentState("track-review-queue", StorageNames.Default)] IPersistentState<TrackReviewQueueState> state) : Grain, ITrackReviewQueueGrain
{
    public async Task AddAsync(PendingTrack track)
    {
        if (state.State.Pending.Exists(p => p.TrackId == track.TrackId))
        {
            return;
        }

        // Kept oldest first, so that reviewers work through submissions in order.
        var index = state.State.Pending.FindIndex(p => ComesAfter(p, track));
        var pending = new List<PendingTrack>(state.State.Pending);
        pending.Insert(index < 0 ? pending.Count : index, track);
        await SaveAsync(pending);
    }

    public async Task RemoveAsync(string trackId)
    {
        if (state.State.Pending.Exists(p => p.TrackId == trackId))
        {
            await SaveAsync(state.State.Pending.Where(p => p.TrackId != trackId).ToList());
        }
    }

    private static bool ComesAfter(PendingTrack candidate, PendingTrack track)
    {
        var byTime = candidate.SubmittedAt.CompareTo(track.SubmittedAt);
        return byTime > 0 || (byTime == 0 && string.CompareOrdinal(candidate.TrackId, track.TrackId) > 0);
    }

    /// <summary>Swaps in the new list only if storage took it, so a retried call sees the old list.</summary>
    private async Task SaveAsync(List<PendingTrack> pending)
    {
        var previous = state.State.Pending;
        state.State.Pending = pending;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Pending = previous;
            throw;
        }
    }

    public Task<IReadOnlyList<PendingTrack>> GetPendingAsync(int limit) =>
        Task.FromResult<IReadOnlyList<PendingTrack>>([.. state.State.Pending.Take(limit)]);
}
