namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>
/// The consecutive slices of one partition, from <see cref="First"/> to <see cref="Last"/> inclusive, whose
/// events a consumer delivers to a grain as one delta. With the position the grain last applied for the
/// partition, the range decides whether the delta is new, already applied, or overlaps what was applied
/// (after a replay regrouped the slices), in which case only the part after it must be sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.SliceRange")]
public sealed record SliceRange(
    [property: Id(0)] string Partition,
    [property: Id(1)] SlicePosition First,
    [property: Id(2)] SlicePosition Last);
