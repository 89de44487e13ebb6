using System.Runtime.InteropServices;
using Spotlight.Domain;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Grains.Engagement.Integrity;

/// <summary>
/// One partition's per-video minutes that a store has applied but not yet written: those of the log entries
/// (<see cref="WrittenThrough"/>, <see cref="AppliedThrough"/>]. A store writes them every
/// <see cref="EngagementOptions.VideoMinuteWriteInterval"/> instead of with every delivery, so a busy video's
/// minute becomes one row per interval. They are only a cache of the log: whenever the store's positions are
/// not the ones held here (a restart, another silo committed the partition), they are read again from the log.
/// Not thread-safe: a partition's commits run one at a time.
/// </summary>
public sealed class HeldVideoMinutes
{
    private readonly Dictionary<VideoMinute, Counts> _minutes = [];

    /// <summary>The log offset up to which the minutes are written (the store's, as last seen here).</summary>
    public long WrittenThrough { get; private set; }

    /// <summary>The log offset up to which <see cref="Minutes"/> holds the rest.</summary>
    public long AppliedThrough { get; private set; }

    /// <summary>When the oldest held minute was taken; null when none is held.</summary>
    public DateTimeOffset? HeldSince { get; private set; }

    public IReadOnlyDictionary<VideoMinute, Counts> Minutes => _minutes;

    /// <summary>False until the first <see cref="Reset"/>, and after <see cref="Forget"/>.</summary>
    public bool IsKnown { get; private set; }

    /// <summary>Whether what is held is exactly what the store's positions leave unwritten.</summary>
    public bool Matches(long writtenThrough, long appliedThrough) => IsKnown && WrittenThrough == writtenThrough && AppliedThrough == appliedThrough;

    /// <summary>Starts again from the store's positions with the minutes of the entries between them (read from the log).</summary>
    public void Reset(long writtenThrough, long appliedThrough, IReadOnlyDictionary<VideoMinute, Counts> minutes, DateTimeOffset now)
    {
        _minutes.Clear();
        Merge(_minutes, minutes);
        (WrittenThrough, AppliedThrough, IsKnown) = (writtenThrough, appliedThrough, true);
        HeldSince = _minutes.Count > 0 ? now : null;
    }

    /// <summary>Forgets everything: the next commit reads the positions and the log again.</summary>
    public void Forget() => (IsKnown, HeldSince) = (false, null);

    /// <summary>Whether a commit that adds <paramref name="adding"/> keys should write everything held. With
    /// nothing to hold it should too (it writes no row, only moves the written offset, which the log's pruning
    /// waits for).</summary>
    public bool IsDue(DateTimeOffset now, TimeSpan interval, int limit, int adding = 0) =>
        interval <= TimeSpan.Zero
        || _minutes.Count + adding == 0
        || _minutes.Count + adding >= limit
        || (HeldSince is { } since && now - since >= interval);

    /// <summary>What a commit that writes writes: everything held plus the delivery's own minutes (a new
    /// dictionary, so a commit that fails leaves this untouched).</summary>
    public Dictionary<VideoMinute, Counts> WithDelivery(IReadOnlyDictionary<VideoMinute, Counts> delivery)
    {
        var all = new Dictionary<VideoMinute, Counts>(_minutes);
        Merge(all, delivery);
        return all;
    }

    /// <summary>A commit through <paramref name="through"/> kept the delivery's minutes here.</summary>
    public void Held(IReadOnlyDictionary<VideoMinute, Counts> delivery, long through, DateTimeOffset now)
    {
        Merge(_minutes, delivery);
        AppliedThrough = through;
        if (_minutes.Count > 0)
        {
            HeldSince ??= now;
        }
    }

    /// <summary>A commit through <paramref name="through"/> wrote everything held.</summary>
    public void Written(long through)
    {
        _minutes.Clear();
        (WrittenThrough, AppliedThrough, HeldSince) = (through, through, null);
    }

    private static void Merge(Dictionary<VideoMinute, Counts> into, IReadOnlyDictionary<VideoMinute, Counts> from)
    {
        foreach (var (key, counts) in from)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(into, key, out _).Add(counts);
        }
    }
}
