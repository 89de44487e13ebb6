namespace Spotlight.Silo.Engagement.Shards;

/// <summary>
/// Which engagement database holds which log partition. A partition's log, batch ids, checkpoint and counters
/// all live on its shard, so a delivery stays one local transaction. The first silo derives the map from the
/// partition number (partition p on shard p mod N, shards in the order of <see cref="EngagementShardList"/>) and
/// records it in the main database; from then on the record is the map (<see cref="Adopt"/>): a list that leaves
/// out a shard holding partitions is refused at start-up, a list with a new shard at its end is the first step of
/// adding one, and partitions change shard only by <see cref="EngagementPartitionMove"/>, which silos follow.
/// </summary>
public sealed class EngagementShardMap
{
    private volatile int[] _shardOf;
    private volatile bool[] _moving;

    public EngagementShardMap(IReadOnlyList<string> shardNames, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardNames.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        Names = shardNames;
        _shardOf = [.. Enumerable.Range(0, partitions).Select(p => p % shardNames.Count)];
        _moving = new bool[partitions];
    }

    public IReadOnlyList<string> Names { get; }

    public int Partitions => _shardOf.Length;

    public int ShardCount => Names.Count;

    /// <summary>The index (in <see cref="Names"/>) of the shard holding <paramref name="partition"/>.</summary>
    public int ShardOf(int partition) => _shardOf[partition];

    /// <summary>Whether the partition is about to move (or moving) to another shard: batches touching it are refused.</summary>
    public bool IsMoving(int partition) => _moving[partition];

    public IReadOnlyList<int> PartitionsOf(int shard)
    {
        var shardOf = _shardOf;
        return [.. Enumerable.Range(0, shardOf.Length).Where(p => shardOf[p] == shard)];
    }

    /// <summary>Partition → shard name, as recorded in <c>engagement_shard_map</c>.</summary>
    public IReadOnlyDictionary<int, string> Rows()
    {
        var shardOf = _shardOf;
        return Enumerable.Range(0, shardOf.Length).ToDictionary(p => p, p => Names[shardOf[p]]);
    }

    /// <summary>Takes the recorded map as this one, unless it cannot be (answers why, one line per problem; empty
    /// when adopted): every partition must be recorded, on a shard this list names.</summary>
    public IReadOnlyList<string> Adopt(IReadOnlyDictionary<int, string> recorded, IReadOnlySet<int>? moving = null)
    {
        var problems = new List<string>();
        var adopted = new int[_shardOf.Length];
        for (var partition = 0; partition < adopted.Length; partition++)
        {
            if (!recorded.TryGetValue(partition, out var name))
            {
                problems.Add($"partition {partition} is not recorded");
                continue;
            }

            adopted[partition] = IndexOf(name);
            if (adopted[partition] < 0)
            {
                problems.Add($"partition {partition} is on '{name}', which this list does not name");
            }
        }

        problems.AddRange(recorded.Keys.Where(p => p < 0 || p >= adopted.Length).Order()
            .Select(p => $"partition {p} is recorded on '{recorded[p]}' but this layout has {adopted.Length} partitions"));
        if (problems.Count == 0)
        {
            _shardOf = adopted;
            _moving = [.. Enumerable.Range(0, adopted.Length).Select(p => moving?.Contains(p) == true)];
        }

        return problems;
    }

    public int IndexOf(string name)
    {
        for (var shard = 0; shard < Names.Count; shard++)
        {
            if (Names[shard] == name)
            {
                return shard;
            }
        }

        return -1;
    }
}
