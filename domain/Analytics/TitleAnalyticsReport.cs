using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Domain.Analytics;

public sealed record AnalyticsTotals(EngagementCounters Matching, EngagementCounters Linked, long HubVisits, IReadOnlyDictionary<string, long> Clicks);

/// <summary>One point of the series; <see cref="Clicks"/> counts click-throughs to every provider.</summary>
public sealed record AnalyticsPoint(DateTimeOffset Start, EngagementCounters Matching, EngagementCounters Linked, long HubVisits, long Clicks);

/// <summary>A video, creator or hashtag with its engagement (views, likes, comments and shares together);
/// <see cref="Name"/> is what people call it where it has a name (a video's caption), else null.</summary>
public sealed record TopEntry(string Id, long Engagement, EngagementCounters Counters, string? Name = null);

/// <summary>Top lists over whole UTC days: from the start of <c>from</c>'s day to the end of <c>to</c>'s.
/// <see cref="Approximate"/> when a day had more keys than its bounded lists keep: a listed count may then be
/// overstated by at most the smallest count its day's list keeps (docs/architecture.md "Analytics").</summary>
public sealed record TopLists(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TopEntry> Videos, IReadOnlyList<TopEntry> Creators, IReadOnlyList<TopEntry> Hashtags, bool Approximate = false);

public sealed record TitleAnalytics(string TitleId, DateTimeOffset From, DateTimeOffset To, AnalyticsBucket Bucket, AnalyticsTotals Totals, IReadOnlyList<AnalyticsPoint> Series, TopLists Top);

/// <summary>Puts a title's day reports together into what a studio asked for: totals over the range, a point
/// for every bucket of it (zeros included, so charts need no gap handling), and top lists.</summary>
public static class TitleAnalyticsReport
{
    public static TitleAnalytics Build(string titleId, AnalyticsRange range, IEnumerable<TitleDayReport> days)
    {
        var size = AnalyticsRangeRules.MinutesIn(range.Bucket);
        var first = AnalyticsRangeRules.FirstBucket(range.FromMinute, size);
        var points = new Dictionary<long, TitleMinuteCounts>();
        for (var start = first; start < range.ToMinute; start += size)
        {
            points[start] = TitleMinuteCounts.Empty(start);
        }

        var total = TitleMinuteCounts.Empty(range.FromMinute);
        var approximate = false;
        var videos = new Dictionary<string, EngagementCounters>(StringComparer.Ordinal);
        var creators = new Dictionary<string, EngagementCounters>(StringComparer.Ordinal);
        var hashtags = new Dictionary<string, EngagementCounters>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            approximate |= day.TopApproximate;
            foreach (var minute in day.Minutes.Where(m => m.Minute >= range.FromMinute && m.Minute < range.ToMinute))
            {
                var start = AnalyticsRangeRules.FirstBucket(minute.Minute, size);
                points[start] = TitleMinuteMath.Add(points[start], minute);
                total = TitleMinuteMath.Add(total, minute);
            }

            TitleMinuteMath.AddTo(videos, day.Videos);
            TitleMinuteMath.AddTo(creators, day.Creators);
            TitleMinuteMath.AddTo(hashtags, day.Hashtags);
        }

        var series = points.OrderBy(p => p.Key)
            .Select(p => new AnalyticsPoint(At(p.Key), p.Value.Matching, p.Value.Linked, p.Value.HubVisits, p.Value.Clicks.Values.Sum()))
            .ToList();
        var top = new TopLists(At(range.FirstDay * TitleAnalyticsKeys.MinutesPerDay), At((range.LastDay + 1) * TitleAnalyticsKeys.MinutesPerDay),
            Top(videos, range.Top), Top(creators, range.Top), Top(hashtags, range.Top), approximate);
        return new TitleAnalytics(titleId, At(range.FromMinute), At(range.ToMinute), range.Bucket,
            new AnalyticsTotals(total.Matching, total.Linked, total.HubVisits, total.Clicks), series, top);
    }

    /// <summary>Most engaged first; ties by id so that the list is stable.</summary>
    public static IReadOnlyList<TopEntry> Top(IReadOnlyDictionary<string, EngagementCounters> totals, int count) =>
        [.. totals.Select(t => new TopEntry(t.Key, TitleMinuteMath.Engagement(t.Value), t.Value))
            .OrderByDescending(t => t.Engagement)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(count)];

    private static DateTimeOffset At(long minute) => DateTimeOffset.FromUnixTimeSeconds(minute * 60);
}
