using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>
/// One entry of a partition's bounded top list of a title-day, as stored: the key's engagement and the
/// most it may be overstated by (<see cref="Error"/>, 0 while the list never had to drop a key). A removed
/// row left the list to make room for a new key.
/// </summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Analytics.TopListRow")]
public sealed record TopListRow(
    [property: Id(0)] TopListKind List,
    [property: Id(1)] string Key,
    [property: Id(2)] EngagementCounters Counters,
    [property: Id(3)] long Error,
    [property: Id(4)] bool Removed = false);
