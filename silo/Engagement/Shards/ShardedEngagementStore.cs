using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles.Alerts;
using Spotlight.Grains.Engagement;
using Spotlight.Grains.Engagement.Alerts;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Silo.Engagement.Shards;

/// <summary>
/// The engagement store over several databases. What a partition's projector writes (counters, track buckets,
/// its share of title minutes and top lists, alert counts, held minutes, its checkpoint) is in its shard, so a
/// delivery is still one local transaction there; a video's rows are in one shard, a title's minutes are summed
/// over shards. Followers and exclusions are registered in every shard, each keeping its commits in step with
/// them as one database does, and a follower's points are the sum of the shards' answers. Alert rules
/// are added to every shard (each counts its own commits); a rule window is decided on the sum of every shard's
/// counts and recorded in the first shard, breakouts in the shard of their video; a title's feed merges them by
/// sequence (migration 0014 makes sequences comparable across databases).
/// </summary>
public sealed class ShardedEngagementStore(EngagementShardMap map, IReadOnlyList<PostgresEngagementStore> shards) : IEngagementStore, IAlertStore
{
    private PostgresEngagementStore ShardOfPartition(int partition) => shards[map.ShardOf(partition)];

    /// <summary>Most fired alerts of a title read from each shard to merge its feed (a title fires a few a day).</summary>
    public const int MaxFiredPerTitle = 10_000;

    public Task<PartitionPosition> ReadPositionAsync(int partition, CancellationToken cancellationToken) =>
        ShardOfPartition(partition).ReadPositionAsync(partition, cancellationToken);

    public async Task<long[]> ReadPositionsAsync(CancellationToken cancellationToken) =>
        Owned(await Task.WhenAll(shards.Select(s => s.ReadPositionsAsync(cancellationToken))));

    public async Task<long[]> ReadLogConsumedAsync(CancellationToken cancellationToken) =>
        Owned(await Task.WhenAll(shards.Select(s => s.ReadLogConsumedAsync(cancellationToken))));

    public Task WriteHeldVideoMinutesAsync(int partition, CancellationToken cancellationToken) =>
        ShardOfPartition(partition).WriteHeldVideoMinutesAsync(partition, cancellationToken);

    public Task<CommitOutcome> CommitAsync(DeliveryCommit commit, CancellationToken cancellationToken) =>
        ShardOfPartition(commit.Partition).CommitAsync(commit, cancellationToken);

    public Task MarkNotifiedAsync(int partition, long notified, CancellationToken cancellationToken) =>
        ShardOfPartition(partition).MarkNotifiedAsync(partition, notified, cancellationToken);

    public async Task<IReadOnlyDictionary<string, EngagementCounters>> ReadVideoCountersAsync(IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken)
    {
        // A video's partition is its track's, which the caller does not say; its row is in one shard only, so every
        // shard is asked. While one is down, a video found on another is still answered; a video found nowhere may
        // be on the missing shard, so that read fails rather than answer zero.
        var reads = shards.Select(s => s.ReadVideoCountersAsync(videoIds, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(reads);
        }
        catch (Exception) when (reads.Any(r => r.IsCompletedSuccessfully))
        {
        }

        // While a partition moves, its rows are briefly on two shards; counters only grow, so the larger is the newer.
        var found = reads.Where(r => r.IsCompletedSuccessfully).SelectMany(r => r.Result).GroupBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Value).MaxBy(c => c.Views + c.Likes + c.Comments + c.Shares)!, StringComparer.Ordinal);
        if (reads.FirstOrDefault(r => !r.IsCompletedSuccessfully) is { } failed && videoIds.Any(v => !found.ContainsKey(v)))
        {
            await failed;
        }

        return found;
    }

    // A track's events are all in its partition (EngagementPartitions), so its rows are in one shard; the reads and
    // registrations by track still ask every shard and sum, so they hold without relying on that (reads of one
    // track and follows are rare next to commits).
    public async Task<(EngagementCounters Counters, long Uses)> SumTrackAsync(string trackId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var sums = await Task.WhenAll(shards.Select(s => s.SumTrackAsync(trackId, from, to, cancellationToken)));
        return (sums.Select(s => s.Counters).Aggregate((a, b) => a.Add(b)), sums.Sum(s => s.Uses));
    }

    public async Task<IReadOnlyList<(EngagementCounters Counters, long Uses)>> SumTrackByDayAsync(string trackId, DateOnly firstDay, int days, CancellationToken cancellationToken)
    {
        var sums = await Task.WhenAll(shards.Select(s => s.SumTrackByDayAsync(trackId, firstDay, days, cancellationToken)));
        return [.. Enumerable.Range(0, days).Select(d => (sums.Select(s => s[d].Counters).Aggregate((a, b) => a.Add(b)), sums.Sum(s => s[d].Uses)))];
    }

    public async Task<FollowerSnapshot> FollowAsync(string follower, FollowerWindow window, IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken)
    {
        // Registered in every shard, each telling of its own commits in step with its snapshot; points add up.
        var snapshots = await Task.WhenAll(shards.Select(s => s.FollowAsync(follower, window, trackIds, cancellationToken)));
        return Merge(snapshots);
    }

    public async Task<FollowerSnapshot?> LoadFollowerAsync(string follower, CancellationToken cancellationToken)
    {
        var loaded = await Task.WhenAll(shards.Select(s => s.LoadFollowerAsync(follower, cancellationToken)));
        return loaded.All(l => l is null) ? null : Merge(await FillAsync(loaded, cancellationToken));
    }

    public async Task<FollowerSnapshot> ExcludeAsync(string follower, EngagementExclusion exclusion, CancellationToken cancellationToken)
    {
        // Every shard takes its own part of the excluded minutes off, as it holds its own part of the points.
        return Merge(await Task.WhenAll(shards.Select(s => s.ExcludeAsync(follower, exclusion, cancellationToken))));
    }

    public async Task<IReadOnlyList<VideoMinuteRow>> ReadVideoMinutesAsync(IReadOnlyCollection<string> trackIds, long firstMinute, long endMinute, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(shards.Select(s => s.ReadVideoMinutesAsync(trackIds, firstMinute, endMinute, cancellationToken)));
        return [.. rows.SelectMany(r => r)];
    }

    public Task UnfollowAsync(string follower, CancellationToken cancellationToken) =>
        Task.WhenAll(shards.Select(s => s.UnfollowAsync(follower, cancellationToken)));

    public async Task<IReadOnlyList<string>> FollowersOfAsync(IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken)
    {
        var followers = await Task.WhenAll(shards.Select(s => s.FollowersOfAsync(trackIds, cancellationToken)));
        return [.. followers.SelectMany(f => f).Distinct(StringComparer.Ordinal)];
    }

    public async Task<TitleDaySnapshot> LoadTitleDayAsync(string titleId, long day, CancellationToken cancellationToken)
    {
        var parts = await Task.WhenAll(shards.Select(s => s.LoadTitleDayAsync(titleId, day, cancellationToken)));
        var minutes = parts.SelectMany(p => p.Minutes).GroupBy(m => m.Minute).OrderBy(g => g.Key)
            .Select(g => g.Aggregate((a, b) => a with { Matching = a.Matching.Add(b.Matching), Linked = a.Linked.Add(b.Linked) }))
            .ToList();
        return new TitleDaySnapshot(minutes, [.. parts.SelectMany(p => p.Tops)], Owned([.. parts.Select(p => p.Positions)]));
    }

    public Task<IReadOnlyList<TopListRow>> LoadTitleTopsAsync(int partition, string titleId, long day, CancellationToken cancellationToken) =>
        ShardOfPartition(partition).LoadTitleTopsAsync(partition, titleId, day, cancellationToken);

    public async Task<StoreMaintenance> MaintainAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var done = await Task.WhenAll(shards.Select(s => s.MaintainAsync(now, cancellationToken)));
        static long Sum(IEnumerable<long> values) => values.Any(v => v < 0) ? -1 : values.Sum();
        return new StoreMaintenance(done.Sum(d => d.BucketsMerged), done.Sum(d => d.TopRowsTrimmed), Sum(done.Select(d => d.TrackBuckets)), Sum(done.Select(d => d.TitleRows)))
        {
            VideoMinutesTrimmed = done.Sum(d => d.VideoMinutesTrimmed),
        };
    }

    public async Task<AlertRuleAdded> AddRuleAsync(AlertRule rule, int maxPerTitle, CancellationToken cancellationToken)
    {
        // The first shard decides (its rules are the title's); the others add it too, so that each counts its own
        // commits. A retry after a failure part way adds it where it is missing.
        var decided = await shards[0].AddRuleAsync(rule, maxPerTitle, cancellationToken);
        if (decided is AlertRuleAdded.Added or AlertRuleAdded.IdTaken)
        {
            await Task.WhenAll(shards.Skip(1).Select(s => s.AddRuleAsync(rule, int.MaxValue, cancellationToken)));
        }

        return decided;
    }

    public Task<IReadOnlyList<AlertRule>> ReadRulesAsync(string titleId, CancellationToken cancellationToken) =>
        shards[0].ReadRulesAsync(titleId, cancellationToken);

    public async Task<IReadOnlyList<FiredAlert>> EvaluateAsync(IReadOnlyCollection<AlertKey> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Rule windows are recorded in the first shard only, whose unique row keeps a window from firing twice.
        var read = await Task.WhenAll(shards.Select(s => s.Alerts.ReadStandingsAsync(keys, cancellationToken)));
        var standings = read.SelectMany(r => r).GroupBy(s => s.Key)
            .Select(g => new AlertStanding(g.Key, g.Sum(s => s.Figure), g.Sum(s => s.WindowBefore), g.Any(s => s.WindowFired)))
            .ToList();
        return await shards[0].Alerts.DecideAsync(standings, now, cancellationToken);
    }

    public Task<IReadOnlyList<AlertKey>> KeysChangedAfterAsync(int partition, long afterOffset, CancellationToken cancellationToken) =>
        ShardOfPartition(partition).KeysChangedAfterAsync(partition, afterOffset, cancellationToken);

    public async Task<IReadOnlyList<FiredAlert>> ReadFiredAsync(string titleId, long? beforeSequence, int limit, CancellationToken cancellationToken) =>
        [.. (await FiredOnceAsync(titleId, cancellationToken)).Where(f => f.Sequence < (beforeSequence ?? long.MaxValue)).OrderByDescending(f => f.Sequence).Take(limit)];

    public async Task<IReadOnlyList<FiredAlert>> ReadFiredSinceAsync(string titleId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        [.. (await FiredOnceAsync(titleId, cancellationToken)).Where(f => f.Sequence > afterSequence).OrderBy(f => f.Sequence).Take(limit)];

    /// <summary>The title's fired alerts from every shard, a window once: two shards' videos can break out in one
    /// window, each shard recording it in its commit (exactly once there); the first recorded is the one shown.</summary>
    private async Task<List<FiredAlert>> FiredOnceAsync(string titleId, CancellationToken cancellationToken)
    {
        var fired = await Task.WhenAll(shards.Select(s => s.ReadFiredAsync(titleId, null, MaxFiredPerTitle, cancellationToken)));
        return [.. fired.SelectMany(f => f).GroupBy(f => (f.RuleId, f.WindowStart)).Select(g => g.MinBy(f => f.Sequence)!)];
    }

    /// <summary>Per partition, the value its own shard answered (other shards hold no row of it).</summary>
    private long[] Owned(long[][] perShard)
    {
        var merged = new long[map.Partitions];
        for (var partition = 0; partition < merged.Length; partition++)
        {
            merged[partition] = perShard[map.ShardOf(partition)][partition];
        }

        return merged;
    }

    private FollowerSnapshot Merge(IReadOnlyList<FollowerSnapshot> snapshots) => new(
        snapshots.SelectMany(s => s.Points).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal),
        Owned([.. snapshots.Select(s => s.Positions)]));

    /// <summary>A shard where the follower is not registered (it follows none of its tracks) still gives its positions.</summary>
    private async Task<FollowerSnapshot[]> FillAsync(IReadOnlyList<FollowerSnapshot?> loaded, CancellationToken cancellationToken) =>
        await Task.WhenAll(loaded.Select(async (l, i) => l ?? new FollowerSnapshot(new Dictionary<string, long>(), await shards[i].ReadPositionsAsync(cancellationToken))));
}
