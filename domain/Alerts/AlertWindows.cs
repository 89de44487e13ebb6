namespace Spotlight.Domain.Alerts;

/// <summary>An alert's windows: consecutive spans of its length counted from the Unix epoch, so that windows of
/// a length that divides a day line up with UTC midnight. A window is named by its index.</summary>
public static class AlertWindows
{
    public static long IndexOf(DateTimeOffset at, int windowMinutes) =>
        (long)Math.Floor((at - DateTimeOffset.UnixEpoch).TotalMinutes / windowMinutes);

    /// <summary>The window of a minute of event time (minutes from the epoch, see <c>EventMinutes</c>).</summary>
    public static long IndexOfMinute(long minute, int windowMinutes) => Math.DivRem(minute, windowMinutes, out var rest) - (rest < 0 ? 1 : 0);

    public static DateTimeOffset StartOf(long index, int windowMinutes) =>
        DateTimeOffset.UnixEpoch.AddMinutes(index * (double)windowMinutes);
}
