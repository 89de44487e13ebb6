using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Domain.Analytics;

/// <summary>
/// Turns engagement records into one delta per (title, UTC day) they count in: every title a record's video
/// matches gets the record in its <c>Matching</c> counts, its per-video, per-creator and per-hashtag totals;
/// the title the video links to also gets it in <c>Linked</c>. Uses are not engagement of a title.
/// </summary>
public static class TitleAnalyticsAggregation
{
    /// <summary>Deltas keyed by day grain key (<see cref="TitleAnalyticsKeys.Day"/>). Records of videos
    /// without a route (unknown videos) count nowhere.</summary>
    public static Dictionary<string, TitleDayDelta> ByTitleDay(IEnumerable<EngagementRecord> records, IReadOnlyDictionary<string, VideoRoute?> routes)
    {
        var days = new Dictionary<string, DayBuilder>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Kind == EngagementKind.Use || routes.GetValueOrDefault(record.VideoId) is not { } route)
            {
                continue;
            }

            var minute = MinuteBuckets.MinuteOf(record.At);
            var day = TitleAnalyticsKeys.DayOf(minute);
            foreach (var titleId in route.MatchingTitles)
            {
                var key = TitleAnalyticsKeys.Day(titleId, day);
                if (!days.TryGetValue(key, out var builder))
                {
                    days[key] = builder = new DayBuilder();
                }

                builder.Add(minute, route, record, linked: route.AnchorLink == titleId);
            }
        }

        return days.ToDictionary(d => d.Key, d => d.Value.Build(), StringComparer.Ordinal);
    }

    private sealed class DayBuilder
    {
        private readonly Dictionary<long, (EngagementCounters Matching, EngagementCounters Linked)> _minutes = [];
        private readonly Dictionary<string, EngagementCounters> _videos = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EngagementCounters> _creators = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EngagementCounters> _hashtags = new(StringComparer.Ordinal);

        public void Add(long minute, VideoRoute route, EngagementRecord record, bool linked)
        {
            var (matching, linkedCounts) = _minutes.GetValueOrDefault(minute, (EngagementCounters.Zero, EngagementCounters.Zero));
            _minutes[minute] = (matching.Add(record.Kind, record.Count), linked ? linkedCounts.Add(record.Kind, record.Count) : linkedCounts);
            AddTo(_videos, route.VideoId, record);
            AddTo(_creators, route.CreatorId, record);
            foreach (var hashtag in route.Hashtags)
            {
                AddTo(_hashtags, hashtag, record);
            }
        }

        public TitleDayDelta Build() => new(
            [.. _minutes.OrderBy(m => m.Key).Select(m => new TitleMinuteCounts(m.Key, m.Value.Matching, m.Value.Linked, 0, new Dictionary<string, long>()))],
            _videos, _creators, _hashtags);

        private static void AddTo(Dictionary<string, EngagementCounters> totals, string key, EngagementRecord record) =>
            totals[key] = totals.GetValueOrDefault(key, EngagementCounters.Zero).Add(record.Kind, record.Count);
    }
}
