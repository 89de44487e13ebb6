using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Log;

namespace Spotlight.Silo.Engagement.Shards;

/// <summary>
/// The engagement log over several databases: each partition's entries, and the claims of the batches that
/// touch it, in its shard (<see cref="EngagementShardMap"/>). A batch's events are split by partition (the
/// hash of each event's track), which is a pure function of the batch, so a retry reaches the same shards and
/// each deduplicates its part by the batch id. A batch touching a shard that is down is refused whole before
/// anything is written (<see cref="EngagementShardHealth"/>); only a shard failing in the middle of an append
/// leaves the other shards' parts written, and the 503 asks for the retry that completes the batch exactly once.
/// </summary>
public sealed class ShardedEngagementLog(EngagementShardMap map, IReadOnlyList<IEngagementLog> shards, EngagementShardHealth health, ILogger<ShardedEngagementLog> logger) : IEngagementLog
{
    private readonly long[] _heads = new long[map.Partitions];

    public async Task<IngestOutcome> AppendAsync(LogAppend append, CancellationToken cancellationToken)
    {
        if (append.Slices.FirstOrDefault(s => map.IsMoving(s.Partition)) is { } moving)
        {
            // Refused before any part is written, so that no batch is half-accepted across the old and new shard.
            throw new EngagementLogUnavailableException($"Engagement partition {moving.Partition} is moving to another shard; nothing of the batch was accepted.");
        }

        var parts = append.Slices.GroupBy(s => map.ShardOf(s.Partition)).ToDictionary(g => g.Key, g => (IReadOnlyList<LogSlice>)[.. g]);
        if (parts.Count == 0)
        {
            // Every event was rejected: the id is still claimed, on the shard its hash picks.
            parts[HomeShard(append.BatchId)] = [];
        }

        foreach (var shard in parts.Keys)
        {
            if (!await health.ReachableAsync(shard, cancellationToken))
            {
                throw new EngagementLogUnavailableException($"Engagement shard '{map.Names[shard]}' is not reachable; nothing of the batch was accepted.");
            }
        }

        var appends = parts.Select(p => AppendToAsync(p.Key, append with { Slices = p.Value }, cancellationToken)).ToList();
        try
        {
            var outcomes = await Task.WhenAll(appends);
            // A shard that had its part already (an earlier attempt failed on another shard) answers what was first
            // accepted; the batch is a duplicate only when every shard had it.
            return outcomes.FirstOrDefault(o => o.Duplicate) is { } earlier
                ? earlier with { Duplicate = outcomes.All(o => o.Duplicate) }
                : outcomes[0];
        }
        catch (EngagementLogUnavailableException) when (parts.Count > 1)
        {
            var shardsAsked = parts.Keys.ToList();
            var failed = shardsAsked.Where((_, i) => !appends[i].IsCompletedSuccessfully).Select(s => map.Names[s]);
            throw new EngagementLogUnavailableException(
                $"Engagement shard(s) {string.Join(", ", failed)} did not accept their part of the batch; send it again under the same batchId (parts already accepted are not counted twice).");
        }
    }

    public Task<IReadOnlyList<EngagementLogEntry>> ReadAsync(int partition, long afterOffset, int max, CancellationToken cancellationToken) =>
        shards[map.ShardOf(partition)].ReadAsync(partition, afterOffset, max, cancellationToken);

    /// <summary>Every partition's head, from its shard; a shard that does not answer keeps its partitions' last heads.</summary>
    public async Task<long[]> ReadHeadsAsync(CancellationToken cancellationToken)
    {
        var reads = shards.Select(s => s.ReadHeadsAsync(cancellationToken)).ToList();
        for (var shard = 0; shard < shards.Count; shard++)
        {
            try
            {
                var heads = await reads[shard];
                foreach (var partition in map.PartitionsOf(shard))
                {
                    Volatile.Write(ref _heads[partition], heads[partition]);
                }

                health.Succeeded(shard);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or EngagementLogUnavailableException or TimeoutException)
            {
                health.Failed(shard);
                logger.LogWarning("Reading the log heads of engagement shard {Shard} failed: {Error}", map.Names[shard], ex.Message);
            }
        }

        return [.. _heads];
    }

    public async Task<LogPruning> PruneAsync(DateTimeOffset entriesBefore, IReadOnlyList<long> consumed, DateTimeOffset claimsBefore, CancellationToken cancellationToken)
    {
        long entries = 0, claims = 0, entriesHeld = 0, claimsHeld = 0;
        for (var shard = 0; shard < shards.Count; shard++)
        {
            try
            {
                var pruned = await shards[shard].PruneAsync(entriesBefore, consumed, claimsBefore, cancellationToken);
                entries += pruned.EntriesRemoved;
                claims += pruned.ClaimsRemoved;
                entriesHeld = pruned.EntriesHeld < 0 || entriesHeld < 0 ? -1 : entriesHeld + pruned.EntriesHeld;
                claimsHeld = pruned.ClaimsHeld < 0 || claimsHeld < 0 ? -1 : claimsHeld + pruned.ClaimsHeld;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or EngagementLogUnavailableException or TimeoutException)
            {
                logger.LogWarning("Pruning the log of engagement shard {Shard} failed; it is pruned at the next round: {Error}", map.Names[shard], ex.Message);
                (entriesHeld, claimsHeld) = (-1, -1);
            }
        }

        return new LogPruning(entries, claims, entriesHeld, claimsHeld);
    }

    /// <summary>The shard that claims a batch with no accepted event (a pure function of its id).</summary>
    public int HomeShard(string batchId) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(batchId)) % (uint)map.ShardCount);

    private async Task<IngestOutcome> AppendToAsync(int shard, LogAppend part, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await shards[shard].AppendAsync(part, cancellationToken);
            health.Succeeded(shard);
            return outcome;
        }
        catch (EngagementLogUnavailableException)
        {
            health.Failed(shard);
            throw;
        }
    }
}
