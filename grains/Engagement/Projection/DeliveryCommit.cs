using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Domain;
using Spotlight.Grains.Engagement.Alerts;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// Everything one delivery of a partition adds, for one store commit: video counters, track counts per
/// minute of event time, title engagement per minute (matching and linked) and the changed rows of the
/// partition's title-day top lists, together with the partition's new position. The store applies it only
/// if the partition is still at <see cref="PreviousApplied"/>, so a delivery commits once.
/// </summary>
public sealed class DeliveryCommit(
    int partition,
    long previousApplied,
    long last,
    Dictionary<string, Counts>? videos = null,
    Dictionary<TrackMinute, Counts>? trackMinutes = null,
    Dictionary<TitleMinute, TitleMinuteDelta>? titleMinutes = null,
    Dictionary<string, long>? videoViews = null)
{
    public int Partition { get; } = partition;

    public long PreviousApplied { get; } = previousApplied;

    /// <summary>The offset of the delivery's last entry: the partition's position after the commit.</summary>
    public long Last { get; } = last;

    /// <summary>The position up to which every grain has been told (kept with the commit; see
    /// <c>EngagementProjectorGrain</c> on recovery).</summary>
    public long Notified { get; init; }

    public Dictionary<string, Counts> Videos { get; } = videos ?? new(StringComparer.Ordinal);

    public Dictionary<TrackMinute, Counts> TrackMinutes { get; } = trackMinutes ?? [];

    /// <summary>The track minutes' counts per video (see <c>DeliveryAggregation</c>): kept for rounds' flags and
    /// exclusions, and what a round no longer counts is taken off its points.</summary>
    public Dictionary<VideoMinute, Counts> VideoMinutes { get; init; } = [];

    public Dictionary<TitleMinute, TitleMinuteDelta> TitleMinutes { get; } = titleMinutes ?? [];

    public List<TitleTopRow> TitleTops { get; } = [];

    /// <summary>The delivery's events with their routes, counted for the alert rules the commit sees (none: no counts).</summary>
    public AlertInput? Alerts { get; init; }

    /// <summary>When the delivery is applied: the time of the alerts the commit itself records.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Filled by the store: the views of the delivery's videos after the commit.</summary>
    public Dictionary<string, long> VideoViews { get; } = videoViews ?? new(StringComparer.Ordinal);

    public bool IsEmpty => Videos.Count == 0 && TrackMinutes.Count == 0 && VideoMinutes.Count == 0 && TitleMinutes.Count == 0 && TitleTops.Count == 0;
}

public readonly record struct TrackMinute(string TrackId, long Minute);

public readonly record struct TitleMinute(string TitleId, long Minute);

/// <summary>A video's engagement on its track in one minute of event time.</summary>
public readonly record struct VideoMinute(string VideoId, string TrackId, long Minute);

/// <summary>Engagement of a title in one minute: on all matching videos, and the part on linked ones.</summary>
public struct TitleMinuteDelta
{
    public Counts Matching;
    public Counts Linked;
}

/// <summary>A changed row of a partition's top list of a title-day.</summary>
public sealed record TitleTopRow(string TitleId, long Day, TopListRow Row);

/// <summary>What a commit did: whether it applied (false: the partition was elsewhere already, see
/// <see cref="Applied"/>), the views of the delivery's videos afterwards, the points each follower's
/// tracks gained inside its window, and the alert keys it counted.</summary>
public sealed record CommitOutcome(
    bool Committed,
    long Applied,
    IReadOnlyDictionary<string, long> VideoViews,
    IReadOnlyDictionary<string, Dictionary<string, long>> FollowerPoints)
{
    /// <summary>The alert keys whose counts the commit changed, to evaluate now that it is committed.</summary>
    public IReadOnlyCollection<AlertKey> AlertKeys { get; init; } = [];

    public static CommitOutcome Conflict(long applied) => new(false, applied, new Dictionary<string, long>(), new Dictionary<string, Dictionary<string, long>>());
}

/// <summary>Where a partition's projector is: what it committed, and up to where it has told every grain.</summary>
public readonly record struct PartitionPosition(long Applied, long Notified);
