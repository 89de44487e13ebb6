using Orleans.Concurrency;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>One UTC day of one title's analytics (key <c>{titleId}/{day}</c>, see <see cref="TitleAnalyticsKeys"/>).
/// A day per grain keeps each state write to one day's data, and old days stop being written.</summary>
[Alias("Spotlight.Analytics.ITitleDayAnalyticsGrain")]
public interface ITitleDayAnalyticsGrain : IGrainWithStringKey
{
    /// <summary>Adds a run of slices' engagement exactly once (see <c>IVideoGrain.ApplyEngagementAsync</c>
    /// for the range contract).</summary>
    [Alias("ApplyEngagementAsync")]
    Task<SlicePosition?> ApplyEngagementAsync(SliceRange range, TitleDayDelta delta);

    /// <summary>Adds hub visits and click-throughs of minutes of this day.</summary>
    [Alias("AddHubActivityAsync")]
    Task AddHubActivityAsync(IReadOnlyList<TitleMinuteCounts> minutes);

    /// <summary>The minutes from <paramref name="fromMinute"/> (inclusive) to <paramref name="toMinute"/>
    /// (exclusive) that hold anything, and the day's per-video, creator and hashtag engagement.</summary>
    [AlwaysInterleave, Alias("GetAsync")]
    Task<TitleDayReport> GetAsync(long fromMinute, long toMinute);
}
