using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Domain.Analytics;

/// <summary>Adding minutes and per-key totals together.</summary>
public static class TitleMinuteMath
{
    public static TitleMinuteCounts Add(TitleMinuteCounts left, TitleMinuteCounts right)
    {
        var clicks = new Dictionary<string, long>(left.Clicks, StringComparer.Ordinal);
        AddTo(clicks, right.Clicks);
        return new TitleMinuteCounts(left.Minute, left.Matching.Add(right.Matching), left.Linked.Add(right.Linked), left.HubVisits + right.HubVisits, clicks);
    }

    public static void AddTo(Dictionary<string, long> totals, IReadOnlyDictionary<string, long> more)
    {
        foreach (var (key, value) in more)
        {
            totals[key] = totals.GetValueOrDefault(key) + value;
        }
    }

    public static void AddTo(Dictionary<string, EngagementCounters> totals, IReadOnlyDictionary<string, EngagementCounters> more)
    {
        foreach (var (key, value) in more)
        {
            totals[key] = totals.TryGetValue(key, out var current) ? current.Add(value) : value;
        }
    }

    /// <summary>What "most engaged" means everywhere: views, likes, comments and shares together.</summary>
    public static long Engagement(EngagementCounters c) => c.Views + c.Likes + c.Comments + c.Shares;
}
