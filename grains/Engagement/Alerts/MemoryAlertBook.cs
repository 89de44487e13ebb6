using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>
/// Embedded mode's alert rules, counts and fired alerts (the PostgreSQL store keeps them in tables). Counts
/// are kept per partition as in PostgreSQL; evaluation sums them under one lock, so it sees whole commits.
/// The rules change only while the engagement store has no commit in flight (its caller's business).
/// </summary>
public sealed class MemoryAlertBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AlertKey, Dictionary<int, CountRow>> _counts = [];
    private readonly Dictionary<(string TitleId, string RuleId, long Window), FiredAlert> _fired = [];
    private long _sequence;

    public AlertRuleSet Rules { get; } = new();

    public AlertRuleAdded AddRule(AlertRule rule, int maxPerTitle)
    {
        var rules = Rules.RulesOf(rule.TitleId) ?? [];
        if (rules.Any(r => r.Id == rule.Id))
        {
            return AlertRuleAdded.IdTaken;
        }

        if (rules.Count >= maxPerTitle)
        {
            return AlertRuleAdded.TitleFull;
        }

        Rules.Put(rule);
        return AlertRuleAdded.Added;
    }

    /// <summary>Adds a commit's counts (its caller holds the partition).</summary>
    public IReadOnlyCollection<AlertKey> Add(int partition, long offset, Dictionary<AlertKey, long> counts)
    {
        if (counts.Count == 0)
        {
            return [];
        }

        lock (_gate)
        {
            foreach (var (key, count) in counts)
            {
                if (!_counts.TryGetValue(key, out var parts))
                {
                    _counts[key] = parts = [];
                }

                var minutes = Rules.Find(key.TitleId, key.RuleId)!.WindowMinutes;
                parts[partition] = new CountRow(parts.GetValueOrDefault(partition).Count + count, offset, (key.Window + 1) * minutes);
            }
        }

        return counts.Keys;
    }

    public IReadOnlyList<FiredAlert> Evaluate(IReadOnlyCollection<AlertKey> keys, DateTimeOffset now)
    {
        lock (_gate)
        {
            var standings = keys.Distinct().Select(key => new AlertStanding(
                key, Sum(key), Sum(key with { Window = key.Window - 1 }), _fired.ContainsKey((key.TitleId, key.RuleId, key.Window))));
            var fired = new List<FiredAlert>();
            foreach (var (rule, key, figure) in AlertDecisions.Decide(Rules, standings.ToList()))
            {
                var alert = AlertFirings.Record(++_sequence, rule, key, figure, now);
                _fired[(key.TitleId, key.RuleId, key.Window)] = alert;
                fired.Add(alert);
            }

            return fired;
        }
    }

    public IReadOnlyList<AlertKey> KeysChangedAfter(int partition, long afterOffset)
    {
        lock (_gate)
        {
            return [.. _counts.Where(c => c.Value.TryGetValue(partition, out var row) && row.LastOffset > afterOffset).Select(c => c.Key)];
        }
    }

    public IReadOnlyList<FiredAlert> ReadFired(string titleId, Func<FiredAlert, bool> where, bool newestFirst, int limit)
    {
        lock (_gate)
        {
            var ofTitle = _fired.Values.Where(f => f.TitleId == titleId && where(f));
            return [.. (newestFirst ? ofTitle.OrderByDescending(f => f.Sequence) : ofTitle.OrderBy(f => f.Sequence)).Take(limit)];
        }
    }

    /// <summary>Drops counts of windows that ended before <paramref name="countsFrom"/> and fired alerts older than
    /// <paramref name="firedFrom"/>; answers how many rows were dropped.</summary>
    public long Trim(long countsFrom, DateTimeOffset firedFrom)
    {
        lock (_gate)
        {
            var old = _counts.Where(c => c.Value.Values.First().WindowEnd < countsFrom).Select(c => c.Key).ToList();
            old.ForEach(k => _counts.Remove(k));
            var gone = _fired.Where(f => f.Value.FiredAt < firedFrom).Select(f => f.Key).ToList();
            gone.ForEach(k => _fired.Remove(k));
            return old.Count + gone.Count;
        }
    }

    private long Sum(AlertKey key) => _counts.TryGetValue(key, out var parts) ? parts.Values.Sum(r => r.Count) : 0;

    private readonly record struct CountRow(long Count, long LastOffset, long WindowEnd);
}
