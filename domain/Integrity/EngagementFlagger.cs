using System.Globalization;

namespace Spotlight.Domain.Integrity;

/// <summary>
/// Finds round entries' videos whose engagement looks manufactured (<see cref="FlagThresholds"/>): a jump far
/// above the video's own baseline with little interaction compared with the round's median, views packed into a
/// few minutes, or a creator with a policy violation. A flag is evidence for a reviewer, not a verdict: a video
/// that rises slowly, or jumps while people like, comment and share as usual, is not flagged.
/// </summary>
public static class EngagementFlagger
{
    public static IReadOnlyList<EngagementFlag> Flag(IReadOnlyList<VideoActivity> videos, FlagThresholds thresholds)
    {
        var median = MedianInteractionRate(videos.Select(v => (v.Minutes.Sum(m => m.Views), v.Minutes.Sum(m => m.Interactions))));
        return [.. videos.SelectMany(video => Flag(video, median, thresholds))];
    }

    /// <summary>One video's flags against the round's median (so a caller can judge a video at a time).</summary>
    public static IEnumerable<EngagementFlag> Flag(VideoActivity video, double medianRate, FlagThresholds thresholds)
    {
        if (RateJump(video, medianRate, thresholds) is { } jump)
        {
            yield return jump;
        }

        if (Concentrated(video, thresholds) is { } packed)
        {
            yield return packed;
        }

        if (video.CreatorInViolation)
        {
            yield return new EngagementFlag(video.VideoId, FlagReason.CreatorViolation, video.Start, End(video), $"creator {video.CreatorId} has a policy violation on record");
        }
    }

    /// <summary>The round's usual interactions per view: the median over its videos that have views, given
    /// each video's total views and interactions.</summary>
    public static double MedianInteractionRate(IEnumerable<(long Views, long Interactions)> videos)
    {
        var rates = videos
            .Where(t => t.Views > 0)
            .Select(t => (double)t.Interactions / t.Views)
            .Order()
            .ToList();
        return rates.Count == 0 ? 0 : rates.Count % 2 == 1 ? rates[rates.Count / 2] : (rates[(rates.Count / 2) - 1] + rates[rates.Count / 2]) / 2;
    }

    /// <summary>The first run of windows whose views jump far above the baseline before them with little
    /// interaction: its span covers every window of the run (what a reviewer would exclude), its figures are
    /// those of the run's busiest window.</summary>
    private static EngagementFlag? RateJump(VideoActivity video, double medianRate, FlagThresholds thresholds)
    {
        var window = thresholds.JumpWindowMinutes;
        var (views, interactions) = (Prefix(video, m => m.Views), Prefix(video, m => m.Interactions));
        (int Start, int End)? run = null;
        (long Views, double Baseline, double Rate) peak = default;
        // A jump needs something to jump from: at least one window of the video's history before it (a video
        // that starts with a burst is the concentration check's case).
        for (var end = 2 * window; end <= video.Minutes.Count; end++)
        {
            var start = end - window;
            var windowViews = views[end] - views[start];
            var baselineStart = Math.Max(0, start - thresholds.BaselineMinutes);
            var baselinePerWindow = (double)(views[start] - views[baselineStart]) * window / (start - baselineStart);
            var rate = windowViews == 0 ? 0 : (double)(interactions[end] - interactions[start]) / windowViews;
            if (windowViews >= thresholds.MinJumpViews && windowViews >= thresholds.JumpFactor * baselinePerWindow && rate < thresholds.LowInteractionShare * medianRate)
            {
                run = (run?.Start ?? start, end);
                if (windowViews > peak.Views)
                {
                    peak = (windowViews, baselinePerWindow, rate);
                }
            }
            else if (run is not null)
            {
                break;
            }
        }

        return run is not { } span ? null : new EngagementFlag(video.VideoId, FlagReason.RateJump, video.Start.AddMinutes(span.Start), video.Start.AddMinutes(span.End), string.Create(CultureInfo.InvariantCulture,
            $"{peak.Views} views in {window} min against a baseline of {peak.Baseline:0.#}; {peak.Rate:0.###} interactions per view against the round's median {medianRate:0.###}"));
    }

    /// <summary>The shortest stretch of the concentration window holding the share of all the video's views.</summary>
    private static EngagementFlag? Concentrated(VideoActivity video, FlagThresholds thresholds)
    {
        var views = Prefix(video, m => m.Views);
        var total = views[^1];
        if (total < thresholds.MinConcentratedViews)
        {
            return null;
        }

        var span = thresholds.ConcentratedMinutes;
        for (var end = Math.Min(span, video.Minutes.Count); end <= video.Minutes.Count; end++)
        {
            var start = Math.Max(0, end - span);
            var inside = views[end] - views[start];
            if (inside >= thresholds.ConcentratedShare * total)
            {
                return new EngagementFlag(video.VideoId, FlagReason.Concentrated, video.Start.AddMinutes(start), video.Start.AddMinutes(end), string.Create(CultureInfo.InvariantCulture,
                    $"{inside} of {total} views ({100.0 * inside / total:0}%) within {span} min"));
            }
        }

        return null;
    }

    private static long[] Prefix(VideoActivity video, Func<MinuteCounts, long> figure)
    {
        var sums = new long[video.Minutes.Count + 1];
        for (var i = 0; i < video.Minutes.Count; i++)
        {
            sums[i + 1] = sums[i] + figure(video.Minutes[i]);
        }

        return sums;
    }

    private static DateTimeOffset End(VideoActivity video) => video.Start.AddMinutes(video.Minutes.Count);
}
