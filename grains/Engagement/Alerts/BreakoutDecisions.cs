using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Titles.Alerts;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>Video-breakout decisions, inside the commit: each rule watching a video (of a title it matches) whose
/// window now holds more views than its threshold fires that window, unless it has already; the first such video
/// in ordinal order names it.</summary>
public static class BreakoutDecisions
{
    public static List<(AlertRule Rule, AlertKey Key, long Figure)> Decide(
        AlertRuleSet rules, IReadOnlyDictionary<string, VideoRoute> routes, IEnumerable<(VideoWindow Key, long Views)> totals, Func<AlertKey, bool> windowFired)
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
                        && !decided.Contains(alert.RuleWindow) && !windowFired(alert))
                    {
                        decided.Add(alert.RuleWindow);
                        firing.Add((rule, alert, views));
                    }
                }
            }
        }

        return firing;
    }
}
