using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>A title's day as asked for: the minutes inside the asked range that hold anything, and the
/// day's most engaged videos, creators and hashtags (whole day, bounded lists; <see cref="TopApproximate"/>
/// when a list had to drop keys, so its counts may be overstated by at most the smallest listed count).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Analytics.TitleDayReport")]
public sealed record TitleDayReport(
    [property: Id(0)] long Day,
    [property: Id(1)] IReadOnlyList<TitleMinuteCounts> Minutes,
    [property: Id(2)] IReadOnlyDictionary<string, EngagementCounters> Videos,
    [property: Id(3)] IReadOnlyDictionary<string, EngagementCounters> Creators,
    [property: Id(4)] IReadOnlyDictionary<string, EngagementCounters> Hashtags,
    [property: Id(5)] bool TopApproximate = false);
