namespace Spotlight.Grains.Engagement.Log;

/// <summary>One entry of a partition's log: the events of one batch that belong to the partition
/// (<see cref="Payload.SliceReader"/> reads them), at a dense, strictly increasing offset.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.EngagementLogEntry")]
public sealed record EngagementLogEntry(
    [property: Id(0)] int Partition,
    [property: Id(1)] long Offset,
    [property: Id(2)] byte[] Payload,
    [property: Id(3)] DateTimeOffset AppendedAt);
