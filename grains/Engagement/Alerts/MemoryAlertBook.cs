using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>
/// Embedded mode's alert rules, counts and fired alerts (the PostgreSQL store keeps them in tables). Rule counts
/// are kept per partition as in PostgreSQL and evaluated after the commit, summed under one lock, so evaluation
/// sees whole commits; videos' window views are decided within the commit (see <see cref="AlertCounting"/>).
/// The rules change only while the engagement store has no commit in flight (its caller's business).
/// </summary>
public sealed class MemoryAlertBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AlertKey, Dictionary<int, CountRow>> _counts = [];
    private readonly Dictionary<VideoWindow, CountRow> _videos = [];
    private readonly Dictionary<(string TitleId, string RuleId, long Window), FiredAlert> _fired = [];
    private long _sequence;

    private volatile AlertRuleSet _rules = AlertRuleSet.Empty;

    public AlertRuleSet Rules => _rules;

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

        _rules = _rules.With([rule]);
        return AlertRuleAdded.Added;
    }

    /// <summary>Adds a delivery's counts (its caller holds the partition and keeps the rules still) and records the
    /// breakouts they make; answers the rule keys to evaluate once the commit is whole.</summary>
    public IReadOnlyCollection<AlertKey> Commit(int partition, long offset, AlertInput? input, DateTimeOffset now)
    {
        var rules = _rules;
        var counts = AlertCounting.Count(rules, input, IsFired);
        if (counts.Rules.Count == 0 && counts.Videos.Count == 0)
        {
            return [];
        }

        lock (_gate)
        {
            foreach (var (key, count) in counts.Rules)
            {
                if (!_counts.TryGetValue(key, out var parts))
                {
                    _counts[key] = parts = [];
                }

                var minutes = rules.Find(key.TitleId, key.RuleId)!.WindowMinutes;
                parts[partition] = new CountRow(parts.GetValueOrDefault(partition).Count + count, offset, (key.Window + 1) * minutes);
            }

            var totals = new List<(VideoWindow, long)>(counts.Videos.Count);
            foreach (var (key, views) in counts.Videos)
            {
                var row = new CountRow(_videos.GetValueOrDefault(key).Count + views, offset, (key.Window + 1) * key.WindowMinutes);
                _videos[key] = row;
                totals.Add((key, row.Count));
            }

            foreach (var (rule, key, figure) in BreakoutDecisions.Decide(rules, input!.Routes, totals, k => _fired.ContainsKey(k.RuleWindow)))
            {
                _fired[key.RuleWindow] = AlertFirings.Record(++_sequence, rule, key, figure, now);
            }
        }

        return counts.Rules.Keys;
    }

    private bool IsFired((string TitleId, string RuleId, long Window) window)
    {
        lock (_gate)
        {
            return _fired.ContainsKey(window);
        }
    }

    public IReadOnlyList<FiredAlert> Evaluate(IReadOnlyCollection<AlertKey> keys, DateTimeOffset now)
    {
        lock (_gate)
        {
            var standings = keys.Distinct().Select(key => new AlertStanding(
                key, Sum(key), Sum(key with { Window = key.Window - 1 }), _fired.ContainsKey(key.RuleWindow)));
            var fired = new List<FiredAlert>();
            foreach (var (rule, key, figure) in AlertDecisions.Decide(Rules, standings.ToList()))
            {
                var alert = AlertFirings.Record(++_sequence, rule, key, figure, now);
                _fired[key.RuleWindow] = alert;
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
            var oldVideos = _videos.Where(v => v.Value.WindowEnd < countsFrom).Select(v => v.Key).ToList();
            oldVideos.ForEach(k => _videos.Remove(k));
            var gone = _fired.Where(f => f.Value.FiredAt < firedFrom).Select(f => f.Key).ToList();
            gone.ForEach(k => _fired.Remove(k));
            return old.Count + oldVideos.Count + gone.Count;
        }
    }

    private long Sum(AlertKey key) => _counts.TryGetValue(key, out var parts) ? parts.Values.Sum(r => r.Count) : 0;

    private readonly record struct CountRow(long Count, long LastOffset, long WindowEnd);
}
