using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>How a firing is recorded: the rule's kind and window length as they were, the window's start, and
/// the subject (none for engagement-rate, which counts the whole title).</summary>
public static class AlertFirings
{
    public static FiredAlert Record(long sequence, AlertRule rule, AlertKey key, long figure, DateTimeOffset now) => new(
        sequence, key.TitleId, key.RuleId, rule.Kind, AlertWindows.StartOf(key.Window, rule.WindowMinutes), rule.WindowMinutes,
        key.Subject.Length == 0 ? null : key.Subject, figure, now);
}
