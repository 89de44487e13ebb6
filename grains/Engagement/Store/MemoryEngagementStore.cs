using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain;
using Spotlight.Domain.Analytics;
using Spotlight.Grains.Engagement.Alerts;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Grains.Engagement.Store;

/// <summary>
/// Embedded mode's engagement store: the same contract as the PostgreSQL store, in this process's memory.
/// Everything a commit writes belongs to its partition (as in PostgreSQL, where rows carry the partition
/// that writes them), so commits of different partitions run side by side; follows, snapshots and
/// maintenance take the store alone, so each sees every commit whole or not at all, as a transaction would.
/// Test clusters whose silos share a process share one instance.
/// </summary>
public sealed class MemoryEngagementStore : IEngagementStore, IAlertStore, IDisposable
{
    /// <summary>Top lists of days older than this keep only what a report can show (see <see cref="MaintainAsync"/>).</summary>
    public static readonly TimeSpan TopListTrimAge = TimeSpan.FromDays(8);

    /// <summary>How many entries a trimmed top list keeps: the most a report asks for.</summary>
    public const int TrimmedTopListSize = 100;

    private readonly EngagementOptions _options;
    private readonly ReaderWriterLockSlim _exclusive = new(LockRecursionPolicy.NoRecursion);
    private readonly Partition[] _partitions;
    private readonly FollowRegistry _registry = new();
    private readonly MemoryAlertBook _alerts = new();

    public MemoryEngagementStore(IOptions<EngagementOptions> options)
    {
        _options = options.Value;
        _partitions = [.. Enumerable.Range(0, _options.Partitions).Select(_ => new Partition())];
    }

    public Task<PartitionPosition> ReadPositionAsync(int partition, CancellationToken cancellationToken)
    {
        lock (_partitions[partition].Gate)
        {
            return Task.FromResult(_partitions[partition].Position);
        }
    }

    public Task<long[]> ReadPositionsAsync(CancellationToken cancellationToken) => Task.FromResult(Positions());

    /// <summary>Video minutes are written with every commit here (memory is cheap), so nothing is held.</summary>
    public Task<long[]> ReadLogConsumedAsync(CancellationToken cancellationToken) => Task.FromResult(Positions());

    public Task WriteHeldVideoMinutesAsync(int partition, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CommitOutcome> CommitAsync(DeliveryCommit commit, CancellationToken cancellationToken)
    {
        _exclusive.EnterReadLock();
        try
        {
            var partition = _partitions[commit.Partition];
            lock (partition.Gate)
            {
                var position = partition.Position;
                if (position.Applied != commit.PreviousApplied)
                {
                    return Task.FromResult(CommitOutcome.Conflict(position.Applied));
                }

                var views = commit.VideoViews;
                views.Clear();
                foreach (var (videoId, delta) in commit.Videos)
                {
                    var counts = partition.Videos.GetValueOrDefault(videoId);
                    counts.Add(delta);
                    partition.Videos[videoId] = counts;
                    views[videoId] = counts.Views;
                }

                foreach (var (key, delta) in commit.TrackMinutes)
                {
                    partition.BucketsOf(key.TrackId).Add(BucketRollup.MinuteWidth, key.Minute, delta);
                }

                foreach (var (key, delta) in commit.VideoMinutes)
                {
                    partition.MinutesOf(key.VideoId, key.TrackId).Add(key.Minute, delta);
                }

                ApplyTitles(partition, commit);

                var points = _registry.PointsOf(commit.TrackMinutes, commit.VideoMinutes);
                var alertKeys = _alerts.Commit(commit.Partition, commit.Last, commit.Alerts, commit.At);
                partition.Position = new PartitionPosition(commit.Last, Math.Max(position.Notified, commit.Notified));
                return Task.FromResult(new CommitOutcome(true, commit.Last, views, points) { AlertKeys = alertKeys });
            }
        }
        finally
        {
            _exclusive.ExitReadLock();
        }
    }

    public Task MarkNotifiedAsync(int partition, long notified, CancellationToken cancellationToken)
    {
        var state = _partitions[partition];
        lock (state.Gate)
        {
            state.Position = state.Position with { Notified = Math.Max(state.Position.Notified, Math.Min(notified, state.Position.Applied)) };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, EngagementCounters>> ReadVideoCountersAsync(IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, EngagementCounters>(videoIds.Count, StringComparer.Ordinal);
        // A video's counters live with its partition, which follows its track; the store does not know the
        // track, so it looks in each.
        foreach (var id in videoIds)
        {
            foreach (var partition in _partitions)
            {
                lock (partition.Gate)
                {
                    if (partition.Videos.TryGetValue(id, out var counts))
                    {
                        found[id] = counts.ToCounters();
                        break;
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, EngagementCounters>>(found);
    }

    public Task<(EngagementCounters Counters, long Uses)> SumTrackAsync(string trackId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var window = new FollowerWindow(from, to);
        var sum = default(Counts);
        foreach (var partition in _partitions)
        {
            lock (partition.Gate)
            {
                if (partition.Tracks.TryGetValue(trackId, out var buckets))
                {
                    sum.Add(buckets.Sum(window));
                }
            }
        }

        return Task.FromResult((sum.ToCounters(), sum.Uses));
    }

    public async Task<IReadOnlyList<(EngagementCounters Counters, long Uses)>> SumTrackByDayAsync(string trackId, DateOnly firstDay, int days, CancellationToken cancellationToken)
    {
        var sums = new List<(EngagementCounters, long)>(days);
        for (var i = 0; i < days; i++)
        {
            var start = new DateTimeOffset(firstDay.AddDays(i).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            sums.Add(await SumTrackAsync(trackId, start, start.AddDays(1), cancellationToken));
        }

        return sums;
    }

    public Task<FollowerSnapshot> FollowAsync(string follower, FollowerWindow window, IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken) =>
        Task.FromResult(Alone(() =>
        {
            _registry.Follow(follower, window, trackIds);
            return SnapshotOf(follower, trackIds);
        }));

    public Task<FollowerSnapshot?> LoadFollowerAsync(string follower, CancellationToken cancellationToken) =>
        Task.FromResult(Alone(() => _registry.IsFollowing(follower) ? SnapshotOf(follower, _registry.TracksOf(follower)) : null));

    public Task UnfollowAsync(string follower, CancellationToken cancellationToken) =>
        Task.FromResult(Alone(() =>
        {
            _registry.Unfollow(follower);
            return true;
        }));

    public Task<IReadOnlyList<string>> FollowersOfAsync(IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken) =>
        Task.FromResult(Alone<IReadOnlyList<string>>(() => [.. trackIds.SelectMany(_registry.FollowersOf).Distinct(StringComparer.Ordinal)]));

    public Task<FollowerSnapshot> ExcludeAsync(string follower, EngagementExclusion exclusion, CancellationToken cancellationToken) =>
        Task.FromResult(Alone(() =>
        {
            _registry.Exclude(follower, exclusion);
            return SnapshotOf(follower, _registry.TracksOf(follower));
        }));

    public Task<IReadOnlyList<VideoMinuteRow>> ReadVideoMinutesAsync(IReadOnlyCollection<string> trackIds, long firstMinute, long endMinute, CancellationToken cancellationToken)
    {
        var tracks = trackIds.ToHashSet(StringComparer.Ordinal);
        var rows = new List<VideoMinuteRow>();
        foreach (var partition in _partitions)
        {
            lock (partition.Gate)
            {
                foreach (var (videoId, video) in partition.VideoMinutes)
                {
                    if (tracks.Contains(video.TrackId))
                    {
                        rows.AddRange(video.Minutes.Where(m => m.Key >= firstMinute && m.Key < endMinute).Select(m => new VideoMinuteRow(videoId, video.TrackId, m.Key, m.Value)));
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyList<VideoMinuteRow>>(rows);
    }

    public Task<TitleDaySnapshot> LoadTitleDayAsync(string titleId, long day, CancellationToken cancellationToken) =>
        Task.FromResult(Alone(() =>
        {
            var minutes = new SortedDictionary<long, TitleMinuteDelta>();
            var tops = new List<PartitionTopRow>();
            for (var p = 0; p < _partitions.Length; p++)
            {
                if (_partitions[p].TitleDays.TryGetValue((titleId, day), out var part))
                {
                    foreach (var (minute, delta) in part.Minutes)
                    {
                        var sum = minutes.GetValueOrDefault(minute);
                        sum.Matching.Add(delta.Matching);
                        sum.Linked.Add(delta.Linked);
                        minutes[minute] = sum;
                    }

                    tops.AddRange(part.Tops.Values.Select(row => new PartitionTopRow(p, row)));
                }
            }

            return new TitleDaySnapshot(
                [.. minutes.Select(m => new TitleMinuteCounts(m.Key, m.Value.Matching.ToCounters(), m.Value.Linked.ToCounters(), 0, new Dictionary<string, long>()))],
                tops,
                Positions());
        }));

    public Task<IReadOnlyList<TopListRow>> LoadTitleTopsAsync(int partition, string titleId, long day, CancellationToken cancellationToken)
    {
        var state = _partitions[partition];
        lock (state.Gate)
        {
            return Task.FromResult<IReadOnlyList<TopListRow>>(state.TitleDays.TryGetValue((titleId, day), out var part) ? [.. part.Tops.Values] : []);
        }
    }

    public Task<StoreMaintenance> MaintainAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Alone(() =>
        {
            var nowMinute = EventMinutes.MinuteOf(now);
            var ages = RollupAges.From(_options);
            var edges = _registry.Edges();
            long merged = 0, trimmed = 0;
            // Days past the dedupe window take no more events: their lists keep what a report can show.
            var oldDay = TitleAnalyticsKeys.DayOf(EventMinutes.MinuteOf(now - TopListTrimAge));
            foreach (var partition in _partitions)
            {
                foreach (var buckets in partition.Tracks.Values)
                {
                    merged += buckets.Rollup(nowMinute, ages, edges);
                }

                // Only the week before: earlier days were trimmed then.
                foreach (var ((_, day), part) in partition.TitleDays)
                {
                    if (day < oldDay && day >= oldDay - 7)
                    {
                        trimmed += part.TrimTops(TrimmedTopListSize);
                    }
                }
            }

            trimmed += _alerts.Trim(AlertRetention.CountsFrom(now, _options.DedupeWindow), now - AlertRetention.Fired);
            var cutoff = VideoMinuteRetention.CutoffMinute(now, _options.DedupeWindow);
            var kept = VideoMinuteRetention.KeptWindows(_registry.Windows);
            long videoMinutesTrimmed = 0;
            foreach (var partition in _partitions)
            {
                foreach (var (videoId, video) in partition.VideoMinutes.ToList())
                {
                    foreach (var minute in video.Minutes.Keys.Where(m => !VideoMinuteRetention.Keeps(m, cutoff, kept)).ToList())
                    {
                        video.Minutes.Remove(minute);
                        videoMinutesTrimmed++;
                    }

                    if (video.Minutes.Count == 0)
                    {
                        partition.VideoMinutes.Remove(videoId);
                    }
                }
            }

            return new StoreMaintenance(
                merged,
                trimmed,
                _partitions.Sum(p => p.Tracks.Values.Sum(b => (long)b.Count)),
                _partitions.Sum(p => p.TitleDays.Values.Sum(d => (long)d.Minutes.Count + d.Tops.Count)))
            {
                VideoMinutesTrimmed = videoMinutesTrimmed,
            };
        }));

    public Task<AlertRuleAdded> AddRuleAsync(AlertRule rule, int maxPerTitle, CancellationToken cancellationToken) =>
        Task.FromResult(Alone(() => _alerts.AddRule(rule, maxPerTitle)));

    public Task<IReadOnlyList<AlertRule>> ReadRulesAsync(string titleId, CancellationToken cancellationToken) =>
        Task.FromResult(_alerts.Rules.RulesOf(titleId) ?? []);

    public Task<IReadOnlyList<FiredAlert>> EvaluateAsync(IReadOnlyCollection<AlertKey> keys, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(_alerts.Evaluate(keys, now));

    public Task<IReadOnlyList<AlertKey>> KeysChangedAfterAsync(int partition, long afterOffset, CancellationToken cancellationToken) =>
        Task.FromResult(_alerts.KeysChangedAfter(partition, afterOffset));

    public Task<IReadOnlyList<FiredAlert>> ReadFiredAsync(string titleId, long? beforeSequence, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(_alerts.ReadFired(titleId, f => beforeSequence is not { } before || f.Sequence < before, newestFirst: true, limit));

    public Task<IReadOnlyList<FiredAlert>> ReadFiredSinceAsync(string titleId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(_alerts.ReadFired(titleId, f => f.Sequence > afterSequence, newestFirst: false, limit));

    public void Dispose() => _exclusive.Dispose();

    /// <summary>Runs with no commit in progress (what a transaction's snapshot gives the PostgreSQL store).</summary>
    private T Alone<T>(Func<T> work)
    {
        _exclusive.EnterWriteLock();
        try
        {
            return work();
        }
        finally
        {
            _exclusive.ExitWriteLock();
        }
    }

    private long[] Positions()
    {
        var positions = new long[_partitions.Length];
        for (var p = 0; p < positions.Length; p++)
        {
            lock (_partitions[p].Gate)
            {
                positions[p] = _partitions[p].Position.Applied;
            }
        }

        return positions;
    }

    private static void ApplyTitles(Partition partition, DeliveryCommit commit)
    {
        foreach (var (key, delta) in commit.TitleMinutes)
        {
            var day = partition.TitleDayOf(key.TitleId, TitleAnalyticsKeys.DayOf(key.Minute));
            var minute = day.Minutes.GetValueOrDefault(key.Minute);
            minute.Matching.Add(delta.Matching);
            minute.Linked.Add(delta.Linked);
            day.Minutes[key.Minute] = minute;
        }

        foreach (var top in commit.TitleTops)
        {
            var rows = partition.TitleDayOf(top.TitleId, top.Day).Tops;
            if (top.Row.Removed)
            {
                rows.Remove((top.Row.List, top.Row.Key));
            }
            else
            {
                rows[(top.Row.List, top.Row.Key)] = top.Row;
            }
        }
    }

    private FollowerSnapshot SnapshotOf(string follower, IEnumerable<string> trackIds)
    {
        var window = _registry.WindowOf(follower)!;
        var points = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var track in trackIds)
        {
            var sum = default(Counts);
            foreach (var partition in _partitions)
            {
                if (partition.Tracks.TryGetValue(track, out var buckets))
                {
                    sum.Add(buckets.Sum(window));
                }
            }

            points[track] = sum.Points;
        }

        // What the follower excludes of its tracks' videos, inside its window, was counted above: take it off.
        foreach (var (videoId, excluded) in _registry.ExclusionsOf(follower))
        {
            foreach (var partition in _partitions)
            {
                if (partition.VideoMinutes.TryGetValue(videoId, out var video) && points.ContainsKey(video.TrackId))
                {
                    foreach (var (minute, counts) in video.Minutes)
                    {
                        if (window.Contains(minute) && excluded.Contains(minute))
                        {
                            points[video.TrackId] -= counts.Points;
                        }
                    }
                }
            }
        }

        return new FollowerSnapshot(points, Positions());
    }

    private sealed class Partition
    {
        public Lock Gate { get; } = new();

        public PartitionPosition Position { get; set; }

        /// <summary>The partition's videos: only its projector writes them.</summary>
        public Dictionary<string, Counts> Videos { get; } = new(StringComparer.Ordinal);

        /// <summary>What the partition's events added to each track and title-day.</summary>
        public Dictionary<string, TrackBuckets> Tracks { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string TitleId, long Day), TitleDayPart> TitleDays { get; } = [];

        /// <summary>The partition's videos of a track, per minute (see <see cref="VideoMinuteRetention"/>).</summary>
        public Dictionary<string, VideoMinutes> VideoMinutes { get; } = new(StringComparer.Ordinal);

        public VideoMinutes MinutesOf(string videoId, string trackId)
        {
            if (!VideoMinutes.TryGetValue(videoId, out var minutes))
            {
                VideoMinutes[videoId] = minutes = new VideoMinutes(trackId);
            }

            return minutes;
        }

        public TrackBuckets BucketsOf(string trackId)
        {
            if (!Tracks.TryGetValue(trackId, out var buckets))
            {
                Tracks[trackId] = buckets = new TrackBuckets();
            }

            return buckets;
        }

        public TitleDayPart TitleDayOf(string titleId, long day)
        {
            if (!TitleDays.TryGetValue((titleId, day), out var part))
            {
                TitleDays[(titleId, day)] = part = new TitleDayPart();
            }

            return part;
        }
    }

    /// <summary>A video's engagement on its track per minute.</summary>
    private sealed class VideoMinutes(string trackId)
    {
        public string TrackId { get; } = trackId;

        public Dictionary<long, Counts> Minutes { get; } = [];

        public void Add(long minute, in Counts delta) => CollectionsMarshal.GetValueRefOrAddDefault(Minutes, minute, out _).Add(delta);
    }

    /// <summary>One partition's part of a title's day: engagement per minute and its top lists.</summary>
    private sealed class TitleDayPart
    {
        public Dictionary<long, TitleMinuteDelta> Minutes { get; } = [];

        public Dictionary<(TopListKind List, string Key), TopListRow> Tops { get; } = [];

        public int TrimTops(int keep)
        {
            var trimmed = 0;
            foreach (var list in Tops.Values.GroupBy(r => r.List).ToList())
            {
                foreach (var row in list.OrderByDescending(r => TitleMinuteMath.Engagement(r.Counters)).ThenBy(r => r.Key, StringComparer.Ordinal).Skip(keep))
                {
                    Tops.Remove((row.List, row.Key));
                    trimmed++;
                }
            }

            return trimmed;
        }
    }
}
