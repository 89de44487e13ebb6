using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Tracks;

public sealed class TrackPopularityGrain(
    [PersistentState("track-popularity", StorageNames.Default)] IPersistentState<TrackPopularityState> state) : Grain, ITrackPopularityGrain
{
    private MinuteBuckets _minutes = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _minutes = new MinuteBuckets(state.State.Minutes);
        return Task.CompletedTask;
    }

    public async Task ApplyEngagementAsync(SliceIdentity slice, IReadOnlyList<MinuteCounts> minutes)
    {
        if (!AppliedPositions.TryAdvance(state.State.Applied, slice))
        {
            return;
        }

        foreach (var minute in minutes)
        {
            _minutes.Add(minute.Minute, minute.Counters, minute.Uses);
        }

        await SaveAsync();
    }

    public Task<TrackPopularity> GetPopularityAsync(DateTimeOffset? from, DateTimeOffset? to)
    {
        var (counters, uses) = _minutes.Sum(from, to);
        return Task.FromResult(new TrackPopularity(counters, uses, PopularityWeights.Default.Points(counters, uses)));
    }

    private async Task SaveAsync()
    {
        state.State.Minutes = [.. _minutes.Buckets];
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is now ahead of storage; drop it, so that a retry is applied to what storage holds.
            DeactivateOnIdle();
            throw;
        }
    }
}
