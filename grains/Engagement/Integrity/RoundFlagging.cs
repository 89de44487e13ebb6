using Spotlight.Domain;
using Spotlight.Domain.Integrity;
using Spotlight.GrainInterfaces.Seasons;

namespace Spotlight.Grains.Engagement.Integrity;

/// <summary>
/// Turns a round's videos' engagement per minute (as the store keeps it) into <see cref="EngagementFlagger"/>'s
/// flags: the round's median interactions per view from every video's totals, then one video at a time, each
/// from its first minute with engagement to its last, so a long round costs one video's minutes at a time. A
/// flag whose whole span a reviewer has already excluded says so.
/// </summary>
public static class RoundFlagging
{
    public static (IReadOnlyList<RoundFlag> Flags, int Videos, double Median) Flag(
        IReadOnlyList<VideoMinuteRow> rows,
        IReadOnlyList<RoundEntry> entries,
        IReadOnlyDictionary<string, string> creators,
        IReadOnlySet<string> creatorsInViolation,
        IReadOnlyList<RoundExclusion> exclusions,
        FlagThresholds thresholds)
    {
        var videos = rows.GroupBy(r => r.VideoId, StringComparer.Ordinal).ToList();
        var median = EngagementFlagger.MedianInteractionRate(videos.Select(v => (v.Sum(r => r.Counts.Views), v.Sum(r => Interactions(r.Counts)))));
        var titles = entries.ToDictionary(e => e.TrackId, e => e.Title, StringComparer.Ordinal);
        var flags = new List<RoundFlag>();
        foreach (var video in videos.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var first = video.Min(r => r.Minute);
            var minutes = new MinuteCounts[video.Max(r => r.Minute) - first + 1];
            foreach (var row in video)
            {
                minutes[row.Minute - first] = new MinuteCounts(row.Counts.Views, Interactions(row.Counts));
            }

            var creator = creators.GetValueOrDefault(video.Key) ?? "";
            var trackId = video.First().TrackId;
            var activity = new VideoActivity(video.Key, creator, EventMinutes.StartOf(first), minutes, creatorsInViolation.Contains(creator));
            foreach (var flag in EngagementFlagger.Flag(activity, median, thresholds))
            {
                var excluded = exclusions.Any(e => e.VideoId == video.Key && e.From <= flag.From && e.To >= flag.To);
                flags.Add(new RoundFlag(video.Key, trackId, titles.GetValueOrDefault(trackId) ?? "", creator, ReasonName(flag.Reason), flag.From, flag.To, flag.Evidence, excluded));
            }
        }

        return (flags, videos.Count, median);
    }

    public static string ReasonName(FlagReason reason) => reason switch
    {
        FlagReason.RateJump => "rate-jump",
        FlagReason.Concentrated => "concentrated",
        FlagReason.CreatorViolation => "creator-violation",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    private static long Interactions(in Counts counts) => counts.Likes + counts.Comments + counts.Shares;
}
