using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>
/// The alert rules a store counts for, by title. Immutable: a store publishes a new set when rules are added, and
/// only while no commit is in flight (as with the follow registry), so a rule counts every delivery committed after
/// it was added and none before, and commits read the set they began with without a lock.
/// </summary>
public sealed class AlertRuleSet
{
    public static readonly AlertRuleSet Empty = new(new Dictionary<string, AlertRule[]>(StringComparer.Ordinal));

    private readonly Dictionary<string, AlertRule[]> _byTitle;

    private AlertRuleSet(Dictionary<string, AlertRule[]> byTitle) => _byTitle = byTitle;

    public bool IsEmpty => _byTitle.Count == 0;

    public IReadOnlyList<AlertRule>? RulesOf(string titleId) => _byTitle.GetValueOrDefault(titleId);

    public AlertRule? Find(string titleId, string ruleId) =>
        _byTitle.TryGetValue(titleId, out var rules) ? Array.Find(rules, r => r.Id == ruleId) : null;

    /// <summary>This set with <paramref name="added"/> added, or in place of those with their title and id.</summary>
    public AlertRuleSet With(IEnumerable<AlertRule> added)
    {
        var byTitle = new Dictionary<string, AlertRule[]>(_byTitle, StringComparer.Ordinal);
        foreach (var rule in added)
        {
            byTitle[rule.TitleId] = [.. (byTitle.GetValueOrDefault(rule.TitleId) ?? []).Where(r => r.Id != rule.Id), rule];
        }

        return new AlertRuleSet(byTitle);
    }
}
