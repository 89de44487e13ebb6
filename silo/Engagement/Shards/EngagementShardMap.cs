namespace Spotlight.Silo.Engagement.Shards;

/// <summary>
/// Which engagement database holds which log partition. A partition's log, batch ids, checkpoint and counters
/// all live on its shard, so a delivery stays one local transaction. The map is derived from the partition
/// number (partition p on shard p mod N, shards in the order of <see cref="EngagementShardList"/>) and recorded
/// in the main database the first time, so a changed shard list is refused at start-up instead of silently
/// sending partitions to databases that do not hold their data.
/// </summary>
public sealed class EngagementShardMap
{
    private readonly int[] _shardOf;

    public EngagementShardMap(IReadOnlyList<string> shardNames, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardNames.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, shardNames.Count);
        Names = shardNames;
        _shardOf = new int[partitions];
        for (var partition = 0; partition < partitions; partition++)
        {
            _shardOf[partition] = partition % shardNames.Count;
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Partitions => _shardOf.Length;

    public int ShardCount => Names.Count;

    /// <summary>The index (in <see cref="Names"/>) of the shard holding <paramref name="partition"/>.</summary>
    public int ShardOf(int partition) => _shardOf[partition];

    public IReadOnlyList<int> PartitionsOf(int shard) => [.. Enumerable.Range(0, _shardOf.Length).Where(p => _shardOf[p] == shard)];

    /// <summary>Partition → shard name, as recorded in <c>engagement_shard_map</c>.</summary>
    public IReadOnlyDictionary<int, string> Rows() => Enumerable.Range(0, _shardOf.Length).ToDictionary(p => p, p => Names[_shardOf[p]]);

    /// <summary>How the recorded map differs from this one (empty when it is the same), one line per difference, at
    /// most a few; for the start-up refusal.</summary>
    public IReadOnlyList<string> DifferencesFrom(IReadOnlyDictionary<int, string> recorded)
    {
        var differences = new List<string>();
        var rows = Rows();
        foreach (var (partition, shard) in rows.OrderBy(r => r.Key))
        {
            if (!recorded.TryGetValue(partition, out var was))
            {
                differences.Add($"partition {partition} is not recorded (this list puts it on '{shard}')");
            }
            else if (was != shard)
            {
                differences.Add($"partition {partition} is on '{was}', this list puts it on '{shard}'");
            }
        }

        differences.AddRange(recorded.Keys.Where(p => !rows.ContainsKey(p)).Order().Select(p => $"partition {p} is recorded on '{recorded[p]}' but this layout has {Partitions} partitions"));
        return differences;
    }
}
