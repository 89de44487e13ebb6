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
            if (standing.WindowFired || decided.Contains((key.TitleId, key.RuleId, key.Window))
                || rules.Find(key.TitleId, key.RuleId) is not { } rule || !AlertEvaluator.Holds(rule, standing.Figure, standing.WindowBefore))
            {
                continue;
            }

            decided.Add((key.TitleId, key.RuleId, key.Window));
            firing.Add((rule, key, standing.Figure));
        }

        return firing;
    }
}

/// <summary>Video-breakout decisions, inside the commit: each rule watching a video (of a title it matches) whose
/// window now holds more views than its threshold fires that window, unless it has already; the first such video
/// in ordinal order names it.</summary>
public static class BreakoutDecisions
{
    public static List<(AlertRule Rule, AlertKey Key, long Figure)> Decide(
        AlertRuleSet rules, IReadOnlyDictionary<string, Projection.VideoRoute> routes, IEnumerable<(VideoWindow Key, long Views)> totals, Func<AlertKey, bool> windowFired)
    {
        var firing = new List<(AlertRule, AlertKey, long)>();
        var decided = new HashSet<(string, string, long)>();
        foreach (var (key, views) in totals.OrderBy(t => t.Key.VideoId, StringComparer.Ordinal).ThenBy(t => t.Key.WindowMinutes).ThenBy(t => t.Key.Window))
        {
            foreach (var titleId in routes.GetValueOrDefault(key.VideoId)?.MatchingTitles ?? [])
            {
                foreach (var rule in rules.RulesOf(titleId) ?? [])
                {
                    var alert = new AlertKey(titleId, rule.Id, key.Window, key.VideoId);
                    if (rule.Kind == AlertKind.VideoBreakout && rule.WindowMinutes == key.WindowMinutes && AlertEvaluator.Holds(rule, views, 0)
                        && !decided.Contains((titleId, rule.Id, key.Window)) && !windowFired(alert))
                    {
                        decided.Add((titleId, rule.Id, key.Window));
                        firing.Add((rule, alert, views));
                    }
                }
            }
        }

        return firing;
    }
}

/// <summary>An alert key's figure as it stands, the same subject's figure in the window before, and whether
/// the rule's window has fired already.</summary>
public readonly record struct AlertStanding(AlertKey Key, long Figure, long WindowBefore, bool WindowFired);
