using Orleans.Concurrency;

namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>One UTC day of one title's analytics (key <c>{titleId}/{day}</c>, see <see cref="TitleAnalyticsKeys"/>).
/// It loads the day's engagement from the engagement store when it activates and is told each delivery
/// that adds to it; hub visits and click-throughs it keeps itself.</summary>
[Alias("Spotlight.Analytics.ITitleDayAnalyticsGrain")]
public interface ITitleDayAnalyticsGrain : IGrainWithStringKey
{
    /// <summary>A committed delivery's part of this day (applied once; a gap makes the grain reload).</summary>
    [Alias("ApplyAsync")]
    Task ApplyAsync(TitleDayNotice notice);

    /// <summary>Adds hub visits and click-throughs of minutes of this day.</summary>
    [Alias("AddHubActivityAsync")]
    Task AddHubActivityAsync(IReadOnlyList<TitleMinuteCounts> minutes);

    /// <summary>The minutes from <paramref name="fromMinute"/> (inclusive) to <paramref name="toMinute"/>
    /// (exclusive) that hold anything, and the day's top videos, creators and hashtags.</summary>
    [AlwaysInterleave, Alias("GetAsync")]
    Task<TitleDayReport> GetAsync(long fromMinute, long toMinute);
}
