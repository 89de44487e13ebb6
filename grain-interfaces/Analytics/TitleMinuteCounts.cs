using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>One minute of a title's fandom: engagement on all matching videos, the part of it on videos
/// linked to the title, hub visits and click-throughs per provider.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Analytics.TitleMinuteCounts")]
public sealed record TitleMinuteCounts(
    [property: Id(0)] long Minute,
    [property: Id(1)] EngagementCounters Matching,
    [property: Id(2)] EngagementCounters Linked,
    [property: Id(3)] long HubVisits,
    [property: Id(4)] IReadOnlyDictionary<string, long> Clicks)
{
    public static TitleMinuteCounts Empty(long minute) => new(minute, EngagementCounters.Zero, EngagementCounters.Zero, 0, new Dictionary<string, long>());
}
