using Orleans.Concurrency;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Domain;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Grains.Tracks;

/// <summary>A track's popularity as the engagement store holds it; nothing of its own, so any silo can answer.</summary>
[StatelessWorker]
public sealed class TrackPopularityGrain(IEngagementStore store) : Grain, ITrackPopularityGrain
{
    /// <summary>One sum per day, one after another: each is one indexed range of buckets, and a page of 90 days
    /// must not take 90 of the database's connections at once.</summary>
    public async Task<IReadOnlyList<TrackPopularity>> GetDailyAsync(DateOnly firstDay, int days)
    {
        var daily = new List<TrackPopularity>(days);
        for (var i = 0; i < days; i++)
        {
            var start = new DateTimeOffset(firstDay.AddDays(i).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            daily.Add(await GetPopularityAsync(start, start.AddDays(1)));
        }

        return daily;
    }

    public async Task<TrackPopularity> GetPopularityAsync(DateTimeOffset? from, DateTimeOffset? to)
    {
        var (counters, uses) = await store.SumTrackAsync(this.GetPrimaryKeyString(), from, to, CancellationToken.None);
        return new TrackPopularity(counters, uses, PopularityWeights.Default.Points(counters, uses));
    }
}
