using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>
/// How long alert state is kept. A window's counts are kept while events may still arrive for it (they are
/// taken for as long as the dedupe window) and while it is the window before one that may: after that they
/// only grow the store. Fired alerts are a studio's record and are kept for <see cref="Fired"/>.
/// </summary>
public static class AlertRetention
{
    public static readonly TimeSpan Fired = TimeSpan.FromDays(90);

    public const int MaxRulesPerTitle = 20;

    /// <summary>The first minute whose windows' counts are still kept: windows ending before it are dropped.</summary>
    public static long CountsFrom(DateTimeOffset now, TimeSpan dedupeWindow) =>
        EventMinutes.MinuteOf(now - dedupeWindow) - (2 * EventMinutes.PerDay);
}
