using Orleans.Concurrency;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Domain;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Grains.Tracks;

/// <summary>A track's popularity as the engagement store holds it; nothing of its own, so any silo can answer.</summary>
[StatelessWorker]
public sealed class TrackPopularityGrain(IEngagementStore store) : Grain, ITrackPopularityGrain
{
    /// <summary>One sum per day (at most a few months are asked for; each is one indexed range of buckets).</summary>
    public async Task<IReadOnlyList<TrackPopularity>> GetDailyAsync(DateOnly firstDay, int days) =>
        await Task.WhenAll(Enumerable.Range(0, days).Select(i =>
        {
            var start = new DateTimeOffset(firstDay.AddDays(i).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return GetPopularityAsync(start, start.AddDays(1));
        }));

    public async Task<TrackPopularity> GetPopularityAsync(DateTimeOffset? from, DateTimeOffset? to)
    {
        var (counters, uses) = await store.SumTrackAsync(this.GetPrimaryKeyString(), from, to, CancellationToken.None);
        return new TrackPopularity(counters, uses, PopularityWeights.Default.Points(counters, uses));
    }
}
