using Spotlight.Domain;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Grains.Engagement.Integrity;

/// <summary>
/// How long the stores keep a video's engagement per minute: while an event can still reach the minute (the
/// dedupe window, and two days for late deliveries, as alert counts) and, after that, while a round's window
/// holds the minute (its reviewers may still exclude or look at it). A round that has closed stops following,
/// so its minutes go with the next maintenance.
/// </summary>
public static class VideoMinuteRetention
{
    public static readonly TimeSpan LateDeliveries = TimeSpan.FromDays(2);

    /// <summary>Minutes before this one are dropped unless a round window holds them.</summary>
    public static long CutoffMinute(DateTimeOffset now, TimeSpan dedupeWindow) =>
        EventMinutes.MinuteOf(now - dedupeWindow - LateDeliveries);

    /// <summary>The [first, end) minutes of the windows that keep old minutes: those with both edges (rounds).</summary>
    public static IReadOnlyList<(long First, long End)> KeptWindows(IEnumerable<FollowerWindow> windows) =>
        [.. windows.Where(w => w.OpensAt is not null && w.ClosesAt is not null)
            .Select(w => EventMinutes.Bounds(w.OpensAt, w.ClosesAt))
            .Distinct()];

    public static bool Keeps(long minute, long cutoff, IReadOnlyList<(long First, long End)> windows) =>
        minute >= cutoff || windows.Any(w => minute >= w.First && minute < w.End);
}
