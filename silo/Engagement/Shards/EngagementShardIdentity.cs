namespace Spotlight.Silo.Engagement.Shards;

/// <summary>What one engagement database is: its shard's name and index, and the partitions it holds.</summary>
public sealed record EngagementShardIdentity(string Name, int Index, IReadOnlyList<int> Partitions)
{
    /// <summary>The only shard, holding every partition (engagement in the main database).</summary>
    public static EngagementShardIdentity Whole(int partitions) =>
        new(EngagementShardList.MainShardName, 0, [.. Enumerable.Range(0, partitions)]);

    public static EngagementShardIdentity Of(EngagementShardMap map, int shard) => new(map.Names[shard], shard, map.PartitionsOf(shard));
}
