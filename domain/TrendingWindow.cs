namespace Spotlight.Domain;

/// <summary>
/// How much a title is trending: hub visits and linked views gained in the current hour and the
/// <see cref="Hours"/> before it. Kept as one count per hour, so the window slides with the clock alone and a
/// title's whole history is never more than <see cref="Hours"/> + 1 numbers.
/// </summary>
public static class TrendingWindow
{
    public const int Hours = 24;

    public static long HourOf(DateTimeOffset at) => (long)Math.Floor(at.ToUnixTimeSeconds() / 3600d);

    /// <summary>Counts <paramref name="amount"/> in the hour of <paramref name="at"/> and forgets hours that left
    /// the window.</summary>
    public static void Add(IDictionary<long, long> hours, DateTimeOffset at, long amount)
    {
        if (amount <= 0)
        {
            return;
        }

        var hour = HourOf(at);
        if (hours.TryGetValue(hour, out var count))
        {
            hours[hour] = count + amount;
            return;
        }

        // Only a new hour can push an old one out of the window: a visit within the hour costs one lookup.
        hours[hour] = amount;
        Forget(hours, at);
    }

    /// <summary>Removes the hours before the window that ends at <paramref name="now"/>.</summary>
    public static void Forget(IDictionary<long, long> hours, DateTimeOffset now)
    {
        var first = HourOf(now) - Hours;
        foreach (var old in hours.Keys.Where(h => h < first).ToList())
        {
            hours.Remove(old);
        }
    }

    /// <summary>The count over the window that ends at <paramref name="now"/>.</summary>
    public static long Sum(IReadOnlyDictionary<long, long> hours, DateTimeOffset now)
    {
        var last = HourOf(now);
        var first = last - Hours;
        return hours.Where(h => h.Key >= first && h.Key <= last).Sum(h => h.Value);
    }
}
