using Spotlight.GrainInterfaces.Analytics;

namespace Spotlight.Grains.Analytics;

/// <summary>A title-day's hub visits and click-throughs per minute (its engagement is in the engagement store).</summary>
[GenerateSerializer, Alias("Spotlight.Analytics.TitleDayHubState")]
public sealed class TitleDayHubState
{
    [Id(0)]
    public Dictionary<long, TitleMinuteCounts> Minutes { get; set; } = [];
}
