namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>Counts of one minute of one track.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.MinuteCounts")]
public sealed record MinuteCounts(
    [property: Id(0)] long Minute,
    [property: Id(1)] EngagementCounters Counters,
    [property: Id(2)] long Uses = 0);
