namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>The unit on the engagement stream: one accepted batch, published as a single item so that it
/// is delivered (and counted) whole or not at all.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.EngagementSlice")]
public sealed record EngagementSlice(
    [property: Id(0)] string BatchId,
    [property: Id(1)] IReadOnlyList<EngagementRecord> Records);
