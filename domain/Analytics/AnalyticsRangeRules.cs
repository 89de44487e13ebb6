using System.Globalization;
using Spotlight.GrainInterfaces;
using Spotlight.GrainInterfaces.Analytics;

namespace Spotlight.Domain.Analytics;

/// <summary>
/// What an analytics request may ask: <c>from</c> and <c>to</c> as ISO 8601 instants (to defaults to now,
/// from to one hour, day or 30 days before it for minute, hour and day buckets; both are taken to whole
/// minutes, from down and to up), <c>bucket</c> minute|hour|day (default hour), at most 1,440 minute
/// points (a day), 744 hour points (31 days) or 366 day points, and top lists of 1 to 100 (default 10).
/// </summary>
public static class AnalyticsRangeRules
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;

    public static (AnalyticsRange? Range, IReadOnlyList<FieldError> Errors) Validate(string? from, string? to, string? bucket, int? top, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        AnalyticsBucket? parsedBucket = bucket switch
        {
            null or "hour" => AnalyticsBucket.Hour,
            "minute" => AnalyticsBucket.Minute,
            "day" => AnalyticsBucket.Day,
            _ => null,
        };
        if (parsedBucket is null)
        {
            errors.Add(new("bucket", "One of \"minute\", \"hour\", \"day\"."));
        }

        var toAt = Instant(to, "to", errors) ?? now;
        var fromAt = Instant(from, "from", errors);
        if (top is not null and (< 1 or > MaxTop))
        {
            errors.Add(new("top", $"From 1 to {MaxTop}."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var size = MinutesIn(parsedBucket!.Value);
        var toMinute = EventMinutes.MinuteOf(toAt.AddSeconds(59));
        var fromMinute = fromAt is { } f ? EventMinutes.MinuteOf(f) : toMinute - DefaultPoints(parsedBucket.Value) * size;
        if (fromMinute >= toMinute)
        {
            // Name what the caller sent: without to, it is now, and the from they gave is what is wrong.
            errors.Add(to is null ? new("from", "Must be before to (now, when to is not given).") : new("to", "Must be after from."));
        }
        else if (FirstBucket(fromMinute, size) + MaxPoints(parsedBucket.Value) * size < toMinute)
        {
            errors.Add(new("from", $"At most {MaxPoints(parsedBucket.Value)} {parsedBucket.Value.ToString().ToLowerInvariant()} points between from and to."));
        }

        return errors.Count > 0 ? (null, errors) : (new AnalyticsRange(fromMinute, toMinute, parsedBucket.Value, top ?? DefaultTop), errors);
    }

    public static long MinutesIn(AnalyticsBucket bucket) => bucket switch
    {
        AnalyticsBucket.Minute => 1,
        AnalyticsBucket.Hour => 60,
        _ => TitleAnalyticsKeys.MinutesPerDay,
    };

    /// <summary>The start of the UTC-aligned bucket holding <paramref name="minute"/>.</summary>
    public static long FirstBucket(long minute, long size) => minute - (((minute % size) + size) % size);

    private static long MaxPoints(AnalyticsBucket bucket) => bucket switch
    {
        AnalyticsBucket.Minute => 1_440,
        AnalyticsBucket.Hour => 744,
        _ => 366,
    };

    private static long DefaultPoints(AnalyticsBucket bucket) => bucket switch
    {
        AnalyticsBucket.Minute => 60,
        AnalyticsBucket.Hour => 24,
        _ => 30,
    };

    private static DateTimeOffset? Instant(string? value, string field, List<FieldError> errors)
    {
        if (value is null)
        {
            return null;
        }

        // Offsets are required ("Z" or "+09:00"): an instant without one means different things to different callers.
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || !HasOffset(value) || at.Year is < 2000 or > 9000)
        {
            errors.Add(new(field, "An ISO 8601 instant with an offset, such as 2026-11-23T09:00:00Z."));
            return null;
        }

        return at;
    }

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
}
