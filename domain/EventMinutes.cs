namespace Spotlight.Domain;

/// <summary>
/// Engagement is counted per minute of event time (minutes from the Unix epoch). A window [from, to) holds
/// the minutes that start inside it, which is exact for windows on whole minutes (round windows are).
/// </summary>
public static class EventMinutes
{
    public const long PerHour = 60;
    public const long PerDay = 24 * 60;

    public static long MinuteOf(DateTimeOffset at) => MinuteOfSeconds(at.ToUnixTimeSeconds());

    public static long MinuteOfSeconds(long seconds) => Math.DivRem(seconds, 60, out var rest) - (rest < 0 ? 1 : 0);

    public static DateTimeOffset StartOf(long minute) => DateTimeOffset.FromUnixTimeSeconds(minute * 60);

    /// <summary>The start of the bucket of <paramref name="width"/> minutes (UTC-aligned) that holds the minute.</summary>
    public static long Floor(long minute, long width) => minute - (((minute % width) + width) % width);

    /// <summary>Whether the minute starts inside [from, to), so that it counts in that window.</summary>
    public static bool StartsWithin(long minute, DateTimeOffset from, DateTimeOffset to)
    {
        var (first, end) = Bounds(from, to);
        return minute >= first && minute < end;
    }

    /// <summary>The first minute starting at or after <paramref name="from"/>, and the first starting at or
    /// after <paramref name="to"/> (open bounds: the smallest and largest minutes).</summary>
    public static (long First, long End) Bounds(DateTimeOffset? from, DateTimeOffset? to) => (
        from is { } f ? MinuteOf(f.AddSeconds(59)) : long.MinValue,
        to is { } t ? MinuteOf(t.AddSeconds(59)) : long.MaxValue);
}
