using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>What a run of engagement slices adds to one title's day: counts per minute (matching and
/// linked), and engagement per video, creator and hashtag for the day's top lists.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Analytics.TitleDayDelta")]
public sealed record TitleDayDelta(
    [property: Id(0)] IReadOnlyList<TitleMinuteCounts> Minutes,
    [property: Id(1)] IReadOnlyDictionary<string, EngagementCounters> Videos,
    [property: Id(2)] IReadOnlyDictionary<string, EngagementCounters> Creators,
    [property: Id(3)] IReadOnlyDictionary<string, EngagementCounters> Hashtags);
