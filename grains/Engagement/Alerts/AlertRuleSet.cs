using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>
/// The alert rules a store counts for, by title. A store changes it only while no commit is in flight (as
/// with the follow registry), so a rule counts every delivery committed after it was added and none before.
/// </summary>
public sealed class AlertRuleSet
{
    private readonly Dictionary<string, AlertRule[]> _byTitle = new(StringComparer.Ordinal);

    public bool IsEmpty => _byTitle.Count == 0;

    public IReadOnlyList<AlertRule>? RulesOf(string titleId) => _byTitle.GetValueOrDefault(titleId);

    public AlertRule? Find(string titleId, string ruleId) =>
        _byTitle.TryGetValue(titleId, out var rules) ? Array.Find(rules, r => r.Id == ruleId) : null;

    /// <summary>Adds or replaces a rule (by title and id).</summary>
    public void Put(AlertRule rule)
    {
        var rules = _byTitle.GetValueOrDefault(rule.TitleId) ?? [];
        _byTitle[rule.TitleId] = [.. rules.Where(r => r.Id != rule.Id), rule];
    }
}
