using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>
/// Which rule windows fire, given the counts as they stand (summed over every partition) of the keys a
/// delivery touched: a window that has not fired fires when one of its subjects holds
/// (<see cref="AlertEvaluator.Holds"/>), the first such subject in ordinal order naming it, once.
/// </summary>
public static class AlertDecisions
{
    public static List<(AlertRule Rule, AlertKey Key, long Figure)> Decide(AlertRuleSet rules, IEnumerable<AlertStanding> standings)
    {
        var firing = new List<(AlertRule, AlertKey, long)>();
        var decided = new HashSet<(string, string, long)>();
        foreach (var standing in standings
            .OrderBy(s => s.Key.TitleId, StringComparer.Ordinal).ThenBy(s => s.Key.RuleId, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Window).ThenBy(s => s.Key.Subject, StringComparer.Ordinal))
        {
            var key = standing.Key;
            if (standing.WindowFired || decided.Contains(key.RuleWindow)
                || rules.Find(key.TitleId, key.RuleId) is not { } rule || !AlertEvaluator.Holds(rule, standing.Figure, standing.WindowBefore))
            {
                continue;
            }

            decided.Add(key.RuleWindow);
            firing.Add((rule, key, standing.Figure));
        }

        return firing;
    }
}

/// <summary>An alert key's figure as it stands, the same subject's figure in the window before, and whether
/// the rule's window has fired already.</summary>
public readonly record struct AlertStanding(AlertKey Key, long Figure, long WindowBefore, bool WindowFired);
