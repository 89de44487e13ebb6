using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Domain;

/// <summary>Coalesces a slice per key, so that consumers make one grain call per distinct video or track
/// in a slice rather than one per event: a viral video costs one call per slice, however hot it is.</summary>
public static class EngagementAggregation
{
    public static Dictionary<string, EngagementCounters> ByVideo(IEnumerable<EngagementRecord> records)
    {
        var totals = new Dictionary<string, EngagementCounters>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => r.Kind != EngagementKind.Use))
        {
            totals[record.VideoId] = (totals.TryGetValue(record.VideoId, out var current) ? current : EngagementCounters.Zero)
                .Add(record.Kind, record.Count);
        }

        return totals;
    }

    public static Dictionary<string, List<MinuteCounts>> ByTrackMinute(IEnumerable<EngagementRecord> records)
    {
        var totals = new Dictionary<(string Track, long Minute), (EngagementCounters Counters, long Uses)>();
        foreach (var record in records)
        {
            if (record.TrackId is not { } track)
            {
                continue;
            }

            var key = (track, MinuteBuckets.MinuteOf(record.At));
            var current = totals.TryGetValue(key, out var existing) ? existing : (EngagementCounters.Zero, 0L);
            totals[key] = record.Kind == EngagementKind.Use
                ? (current.Item1, current.Item2 + record.Count)
                : (current.Item1.Add(record.Kind, record.Count), current.Item2);
        }

        return totals
            .GroupBy(t => t.Key.Track, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(t => new MinuteCounts(t.Key.Minute, t.Value.Counters, t.Value.Uses)).OrderBy(m => m.Minute).ToList(),
                StringComparer.Ordinal);
    }
}
