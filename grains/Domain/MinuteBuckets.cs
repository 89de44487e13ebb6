using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Domain;

/// <summary>
/// Engagement and uses per minute of event time. Any window [from, to) is the sum of the minutes that
/// start inside it, exact for windows on whole minutes (round windows are). Minutes, not a running total,
/// because a round counts only what happened while it was open, and late events still land in their minute.
/// </summary>
public sealed class MinuteBuckets
{
    private readonly SortedDictionary<long, (EngagementCounters Counters, long Uses)> _minutes = [];

    public MinuteBuckets(IEnumerable<MinuteBucket> buckets)
    {
        foreach (var bucket in buckets)
        {
            _minutes[bucket.Minute] = (bucket.Counters, bucket.Uses);
        }
    }

    public static long MinuteOf(DateTimeOffset at) => Math.DivRem(at.ToUnixTimeSeconds(), 60, out var rest) - (rest < 0 ? 1 : 0);

    public IEnumerable<MinuteBucket> Buckets => _minutes.Select(m => new MinuteBucket(m.Key, m.Value.Counters, m.Value.Uses));

    public void Add(long minute, EngagementCounters counters, long uses = 0)
    {
        var current = _minutes.TryGetValue(minute, out var existing) ? existing : (EngagementCounters.Zero, 0L);
        _minutes[minute] = (current.Item1.Add(counters), current.Item2 + uses);
    }

    /// <summary>Whether the minute starts inside [from, to), so that it counts in that window.</summary>
    public static bool StartsWithin(long minute, DateTimeOffset from, DateTimeOffset to)
    {
        var (first, end) = Bounds(from, to);
        return minute >= first && minute < end;
    }

    // The first minute starting at or after `from`, and the first starting at or after `to`.
    private static (long First, long End) Bounds(DateTimeOffset? from, DateTimeOffset? to) => (
        from is { } f ? MinuteOf(f.AddSeconds(59)) : long.MinValue,
        to is { } t ? MinuteOf(t.AddSeconds(59)) : long.MaxValue);

    public (EngagementCounters Counters, long Uses) Sum(DateTimeOffset? from, DateTimeOffset? to)
    {
        var (first, end) = Bounds(from, to);
        var counters = EngagementCounters.Zero;
        var uses = 0L;
        foreach (var (minute, value) in _minutes)
        {
            if (minute >= first && minute < end)
            {
                counters = counters.Add(value.Counters);
                uses += value.Uses;
            }
        }

        return (counters, uses);
    }
}

[GenerateSerializer, Immutable, Alias("Spotlight.Domain.MinuteBucket")]
public sealed record MinuteBucket(
    [property: Id(0)] long Minute,
    [property: Id(1)] EngagementCounters Counters,
    [property: Id(2)] long Uses);
