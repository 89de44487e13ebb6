using Spotlight.GrainInterfaces.Analytics;

namespace Spotlight.Grains.Engagement.Store;

/// <summary>A title's day as the store holds it: engagement per minute (all partitions together), each
/// partition's top-list rows, and the store positions these include.</summary>
public sealed record TitleDaySnapshot(IReadOnlyList<TitleMinuteCounts> Minutes, IReadOnlyList<PartitionTopRow> Tops, long[] Positions);

/// <summary>A row of one partition's top list.</summary>
public sealed record PartitionTopRow(int Partition, TopListRow Row);
