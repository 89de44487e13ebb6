using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Integrity;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Grains.Engagement.Store;

/// <summary>
/// Where the projectors keep what engagement adds up to: video counters, track counts over event time,
/// title analytics per minute and top lists, each partition's position, and who follows which tracks. A
/// delivery is applied by one <see cref="CommitAsync"/>, position included, so exactly once holds by that
/// commit. Grains load from here when they activate and are told of later commits by the projectors. Two
/// implementations with one contract: in memory (embedded mode) and in PostgreSQL.
/// </summary>
public interface IEngagementStore
{
    Task<PartitionPosition> ReadPositionAsync(int partition, CancellationToken cancellationToken);

    /// <summary>Every partition's applied offset.</summary>
    Task<long[]> ReadPositionsAsync(CancellationToken cancellationToken);

    /// <summary>Per partition, the log offset up to which the store no longer needs the log (the log may prune
    /// entries at or below it): its applied offset, or less while it holds video minutes it has not written.</summary>
    Task<long[]> ReadLogConsumedAsync(CancellationToken cancellationToken);

    /// <summary>Writes the partition's held video minutes if they are due (see <see cref="HeldVideoMinutes"/>;
    /// a store that writes them with every commit does nothing). Called between deliveries, so a partition
    /// that goes quiet still writes what it holds.</summary>
    Task WriteHeldVideoMinutesAsync(int partition, CancellationToken cancellationToken);

    /// <summary>Applies a delivery if its partition is still at <see cref="DeliveryCommit.PreviousApplied"/>.</summary>
    Task<CommitOutcome> CommitAsync(DeliveryCommit commit, CancellationToken cancellationToken);

    /// <summary>Records that every grain has been told of the partition up to <paramref name="notified"/>.</summary>
    Task MarkNotifiedAsync(int partition, long notified, CancellationToken cancellationToken);

    /// <summary>The counters of the videos that have any (others are left out).</summary>
    Task<IReadOnlyDictionary<string, EngagementCounters>> ReadVideoCountersAsync(IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken);

    /// <summary>A track's engagement and uses in the buckets that start inside [from, to).</summary>
    Task<(EngagementCounters Counters, long Uses)> SumTrackAsync(string trackId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);

    /// <summary>The same sums for each of <paramref name="days"/> UTC days from <paramref name="firstDay"/>, in one
    /// read (day boundaries are also hour and day bucket boundaries, so every bucket falls in one day).</summary>
    Task<IReadOnlyList<(EngagementCounters Counters, long Uses)>> SumTrackByDayAsync(string trackId, DateOnly firstDay, int days, CancellationToken cancellationToken);

    /// <summary>Registers <paramref name="follower"/> with its window (the first call fixes it) and adds tracks;
    /// answers the points of <paramref name="trackIds"/> in step with commits: every commit after the answer's
    /// positions tells the follower of these tracks, none before.</summary>
    Task<FollowerSnapshot> FollowAsync(string follower, FollowerWindow window, IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken);

    /// <summary>The follower's tracks with their points; null when it does not follow.</summary>
    Task<FollowerSnapshot?> LoadFollowerAsync(string follower, CancellationToken cancellationToken);

    Task UnfollowAsync(string follower, CancellationToken cancellationToken);

    /// <summary>The followers of any of these tracks (to resynchronise after a projector restart).</summary>
    Task<IReadOnlyList<string>> FollowersOfAsync(IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken);

    /// <summary>The follower stops counting a video's engagement in the exclusion's minutes, those already
    /// committed and those to come; answers its tracks' points in step with commits, as a follow does.</summary>
    Task<FollowerSnapshot> ExcludeAsync(string follower, EngagementExclusion exclusion, CancellationToken cancellationToken);

    /// <summary>The engagement per minute in [<paramref name="firstMinute"/>, <paramref name="endMinute"/>) of the
    /// videos of these tracks (minutes with none are left out), as kept by <see cref="VideoMinuteRetention"/>. It
    /// may miss what the store holds and has not written yet (up to <c>VideoMinuteWriteInterval</c>).</summary>
    Task<IReadOnlyList<VideoMinuteRow>> ReadVideoMinutesAsync(IReadOnlyCollection<string> trackIds, long firstMinute, long endMinute, CancellationToken cancellationToken);

    Task<TitleDaySnapshot> LoadTitleDayAsync(string titleId, long day, CancellationToken cancellationToken);

    /// <summary>One partition's top-list rows of a title-day (its projector's starting point).</summary>
    Task<IReadOnlyList<TopListRow>> LoadTitleTopsAsync(int partition, string titleId, long day, CancellationToken cancellationToken);

    /// <summary>Rolls up track buckets and trims old title-days' top lists (see <see cref="BucketRollup"/>).</summary>
    Task<StoreMaintenance> MaintainAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>What maintenance did, and how many track buckets and title-day rows the store holds.</summary>
public sealed record StoreMaintenance(long BucketsMerged, long TopRowsTrimmed, long TrackBuckets, long TitleRows)
{
    /// <summary>Video minutes dropped (see <see cref="VideoMinuteRetention"/>).</summary>
    public long VideoMinutesTrimmed { get; init; }
}
