using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Domain;

/// <summary>Coalesces a slice per key, so that consumers make one grain call per distinct video or track
/// in a slice rather than one per event: a viral video costs one call per slice, however hot it is.</summary>
public static class EngagementAggregation
{
    public static Dictionary<string, EngagementCounters> ByVideo(IEnumerable<EngagementRecord> records)
    {
        var totals = new Dictionary<string, EngagementCounters>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            totals[record.VideoId] = (totals.TryGetValue(record.VideoId, out var current) ? current : EngagementCounters.Zero)
                .Add(record.Kind, record.Count);
        }

        return totals;
    }

    public static Dictionary<string, List<MinuteCounts>> ByTrackMinute(IEnumerable<EngagementRecord> records)
    {
        var totals = new Dictionary<(string Track, long Minute), EngagementCounters>();
        foreach (var record in records)
        {
            if (record.TrackId is not { } track)
            {
                continue;
            }

            var key = (track, MinuteBuckets.MinuteOf(record.At));
            totals[key] = (totals.TryGetValue(key, out var current) ? current : EngagementCounters.Zero).Add(record.Kind, record.Count);
        }

        return totals
            .GroupBy(t => t.Key.Track, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => new MinuteCounts(t.Key.Minute, t.Value)).OrderBy(m => m.Minute).ToList(), StringComparer.Ordinal);
    }
}
