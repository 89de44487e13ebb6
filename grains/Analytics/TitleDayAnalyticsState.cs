using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Analytics;

[GenerateSerializer, Alias("Spotlight.Analytics.TitleDayAnalyticsState")]
public sealed class TitleDayAnalyticsState
{
    /// <summary>Exactly-once memory, written with the counts it covers.</summary>
    [Id(0)]
    public Dictionary<string, SlicePosition> Applied { get; set; } = [];

    /// <summary>Minutes of the day that hold anything, by minute.</summary>
    [Id(1)]
    public Dictionary<long, TitleMinuteCounts> Minutes { get; set; } = [];

    [Id(2)]
    public Dictionary<string, EngagementCounters> Videos { get; set; } = [];

    [Id(3)]
    public Dictionary<string, EngagementCounters> Creators { get; set; } = [];

    [Id(4)]
    public Dictionary<string, EngagementCounters> Hashtags { get; set; } = [];
}
