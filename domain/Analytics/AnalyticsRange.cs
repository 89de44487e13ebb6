using Spotlight.GrainInterfaces.Analytics;

namespace Spotlight.Domain.Analytics;

/// <summary>An analytics request: minutes from <see cref="FromMinute"/> (inclusive) to <see cref="ToMinute"/>
/// (exclusive), points of one <see cref="Bucket"/>, and how many entries each top list has.</summary>
public sealed record AnalyticsRange(long FromMinute, long ToMinute, AnalyticsBucket Bucket, int Top)
{
    public long FirstDay => TitleAnalyticsKeys.DayOf(FromMinute);

    public long LastDay => TitleAnalyticsKeys.DayOf(ToMinute - 1);
}
