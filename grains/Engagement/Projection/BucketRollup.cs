using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// When a track's minute buckets roll up into hours, and hours into days, so that a track engaged every
/// minute for years keeps a bounded number of buckets. A window sums the buckets that start inside it, so a
/// coarser bucket must never span the edge of a window someone follows: minutes of an hour that holds an
/// edge stay minutes (and hours of such a day stay hours) while the window is followed.
/// </summary>
public static class BucketRollup
{
    public const long MinuteWidth = 1;
    public const long HourWidth = EventMinutes.PerHour;
    public const long DayWidth = EventMinutes.PerDay;

    /// <summary>The width a bucket may have now: its own, or the next coarser one once the whole coarser
    /// bucket is older than that width's age and holds no edge strictly inside.</summary>
    public static long TargetWidth(long width, long start, long nowMinute, RollupAges ages, IReadOnlyList<long> edges)
    {
        var (coarser, age) = width switch
        {
            MinuteWidth => (HourWidth, ages.Minutes),
            HourWidth => (DayWidth, ages.Hours),
            _ => (0L, 0L),
        };
        if (coarser == 0)
        {
            return width;
        }

        var coarseStart = EventMinutes.Floor(start, coarser);
        return coarseStart + coarser <= nowMinute - age && !HasEdgeInside(edges, coarseStart, coarseStart + coarser) ? coarser : width;
    }

    /// <summary>Whether an edge lies strictly inside (start, end); <paramref name="edges"/> is sorted.</summary>
    public static bool HasEdgeInside(IReadOnlyList<long> edges, long start, long end)
    {
        var low = 0;
        var high = edges.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (edges[mid] <= start)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low < edges.Count && edges[low] < end;
    }
}

/// <summary>How old (in minutes) minutes and hours must be before they roll up.</summary>
public readonly record struct RollupAges(long Minutes, long Hours)
{
    public static RollupAges From(EngagementOptions options) =>
        new((long)options.MinuteRollupAge.TotalMinutes, (long)options.HourRollupAge.TotalMinutes);
}
