using Spotlight.GrainInterfaces.Reviews;
using Spotlight.Grains.Common;

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

    private Task SaveAsync(List<PendingTrack> pending)
    {
        state.State.Pending = pending;
        return state.WriteOrDropActivationAsync(this);
    }

    public Task<IReadOnlyList<PendingTrack>> GetPendingAsync(int limit) =>
        Task.FromResult<IReadOnlyList<PendingTrack>>([.. state.State.Pending.Take(limit)]);
}
