using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>A title's day as asked for: the minutes inside the asked range that hold anything, and the
/// day's engagement per video, creator and hashtag (whole day).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Analytics.TitleDayReport")]
public sealed record TitleDayReport(
    [property: Id(0)] long Day,
    [property: Id(1)] IReadOnlyList<TitleMinuteCounts> Minutes,
    [property: Id(2)] IReadOnlyDictionary<string, EngagementCounters> Videos,
    [property: Id(3)] IReadOnlyDictionary<string, EngagementCounters> Creators,
    [property: Id(4)] IReadOnlyDictionary<string, EngagementCounters> Hashtags);
