namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>What one slice adds to one consumer grain, and the identity that makes applying it idempotent:
/// the partition it came from and its position there.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.SliceIdentity")]
public sealed record SliceIdentity(
    [property: Id(0)] string Partition,
    [property: Id(1)] SlicePosition Position);

/// <summary>Counts of one minute of one track.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.MinuteCounts")]
public sealed record MinuteCounts(
    [property: Id(0)] long Minute,
    [property: Id(1)] EngagementCounters Counters,
    [property: Id(2)] long Uses = 0);
