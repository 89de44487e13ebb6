using Orleans.Concurrency;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Domain;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Grains.Tracks;

/// <summary>A track's popularity as the engagement store holds it; nothing of its own, so any silo can answer.</summary>
[StatelessWorker]
public sealed class TrackPopularityGrain(IEngagementStore store) : Grain, ITrackPopularityGrain
{
    /// <summary>Every day's sums in one read of the store (one indexed range of buckets, grouped by day).</summary>
    public async Task<IReadOnlyList<TrackPopularity>> GetDailyAsync(DateOnly firstDay, int days) =>
        [.. (await store.SumTrackByDayAsync(this.GetPrimaryKeyString(), firstDay, days, CancellationToken.None))
            .Select(day => new TrackPopularity(day.Counters, day.Uses, PopularityWeights.Default.Points(day.Counters, day.Uses)))];

    public async Task<TrackPopularity> GetPopularityAsync(DateTimeOffset? from, DateTimeOffset? to)
    {
        var (counters, uses) = await store.SumTrackAsync(this.GetPrimaryKeyString(), from, to, CancellationToken.None);
        return new TrackPopularity(counters, uses, PopularityWeights.Default.Points(counters, uses));
    }
}
