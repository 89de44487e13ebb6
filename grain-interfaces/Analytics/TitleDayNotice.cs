using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>What one committed delivery of a partition added to a title's day: engagement per minute
/// (matching and linked) and the rows of the partition's top lists that changed.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Analytics.TitleDayNotice")]
public sealed record TitleDayNotice(
    [property: Id(0)] DeliveryRange Range,
    [property: Id(1)] IReadOnlyList<TitleMinuteCounts> Minutes,
    [property: Id(2)] IReadOnlyList<TopListRow> TopRows);
