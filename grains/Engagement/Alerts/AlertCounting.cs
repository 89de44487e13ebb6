using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles.Alerts;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>
/// What a delivery adds to the alert counts, for the videos that match a title with rules. Engagement-rate and
/// hashtag-rising count per rule, window and subject (<see cref="AlertEvaluator.SubjectsOf"/>). Video-breakout
/// counts a video's views per window length and window once, whatever titles and rules watch it: a video has
/// one partition, so its window counts have one writer and its breakouts are decided inside the commit. A store
/// runs this inside its commit, with the rules that commit sees; a delivery that touches no title with rules
/// costs a lookup per routed video. A window that has fired needs no more counting when nothing else reads
/// its count: an engagement-rate rule's, and a video's window once every breakout rule of that length watching
/// the video has fired in it (a hashtag-rising window is the next one's baseline, so it is always counted).
/// </summary>
public static class AlertCounting
{
    /// <param name="fired">Whether a rule's window is known to have fired (its record committed); null: none is known.</param>
    public static AlertCounts Count(AlertRuleSet rules, AlertInput? input, Func<(string TitleId, string RuleId, long Window), bool>? fired = null)
    {
        var counts = new AlertCounts();
        if (input is null || rules.IsEmpty)
        {
            return counts;
        }

        // Events first summed per video, kind and minute (a viral video's thousands of events in a delivery fall
        // in a few minutes), then each sum spread over the rules that watch the video.
        var sums = new Dictionary<(Watched Video, EngagementKind Kind, long Minute), long>();
        var byVideo = new Dictionary<string, Watched?>(StringComparer.Ordinal);
        foreach (var slice in input.Slices)
        {
            var watched = new Watched?[slice.Videos.Length];
            var any = false;
            for (var v = 0; v < watched.Length; v++)
            {
                if (!byVideo.TryGetValue(slice.Videos[v], out var video))
                {
                    byVideo[slice.Videos[v]] = video = input.Routes.GetValueOrDefault(slice.Videos[v]) is { MatchingTitles.Length: > 0 } route
                        && Array.FindAll(route.MatchingTitles, t => rules.RulesOf(t) is not null) is { Length: > 0 } titles
                            ? WatchedOf(rules, route, titles)
                            : null;
                }

                watched[v] = video;
                any |= video is not null;
            }

            if (!any)
            {
                continue;
            }

            foreach (var e in slice.Events.Span)
            {
                if (watched[e.Video] is { } video && e.Kind != EngagementKind.Use)
                {
                    var key = (video, e.Kind, e.Minute);
                    sums[key] = sums.GetValueOrDefault(key) + e.Count;
                }
            }
        }

        foreach (var ((video, kind, minute), count) in sums)
        {
            foreach (var titleId in video.Titles)
            {
                foreach (var rule in rules.RulesOf(titleId)!)
                {
                    if (rule.Kind == AlertKind.VideoBreakout)
                    {
                        continue;
                    }

                    var window = AlertWindows.IndexOfMinute(minute, rule.WindowMinutes);
                    if (rule.Kind == AlertKind.EngagementRate && fired is not null && fired((titleId, rule.Id, window)))
                    {
                        continue;
                    }

                    foreach (var subject in AlertEvaluator.SubjectsOf(rule, kind, video.Route.Entry.VideoId, video.Route.Entry.Hashtags))
                    {
                        var key = new AlertKey(titleId, rule.Id, window, subject);
                        counts.Rules[key] = counts.Rules.GetValueOrDefault(key) + count;
                    }
                }
            }

            if (kind == EngagementKind.View)
            {
                foreach (var (minutes, watching) in video.Breakouts)
                {
                    var window = AlertWindows.IndexOfMinute(minute, minutes);
                    if (fired is not null && Array.TrueForAll(watching, r => fired((r.TitleId, r.RuleId, window))))
                    {
                        continue;
                    }

                    var key = new VideoWindow(video.Route.Entry.VideoId, minutes, window);
                    counts.Videos[key] = counts.Videos.GetValueOrDefault(key) + count;
                }
            }
        }

        return counts;
    }

    private static Watched WatchedOf(AlertRuleSet rules, VideoRoute route, string[] titles) => new(
        route,
        titles,
        [.. titles.SelectMany(t => rules.RulesOf(t)!).Where(r => r.Kind == AlertKind.VideoBreakout)
            .GroupBy(r => r.WindowMinutes)
            .Select(g => (g.Key, g.Select(r => (r.TitleId, r.Id)).ToArray()))]);

    /// <summary>A video with the titles that have rules for it, and per window length of the breakout rules
    /// watching it, those rules; one per video and delivery, compared by reference.</summary>
    private sealed class Watched(VideoRoute route, string[] titles, (int Minutes, (string TitleId, string RuleId)[] Rules)[] breakouts)
    {
        public VideoRoute Route { get; } = route;

        public string[] Titles { get; } = titles;

        public (int Minutes, (string TitleId, string RuleId)[] Rules)[] Breakouts { get; } = breakouts;
    }
}

/// <summary>A delivery's events and its videos' routes, for the alert counts (see <see cref="AlertCounting"/>).</summary>
public sealed record AlertInput(IReadOnlyList<SliceReader> Slices, IReadOnlyDictionary<string, VideoRoute> Routes);

/// <summary>What a delivery adds: per rule key (engagement-rate, hashtag-rising), and per video window (views, for video-breakout).</summary>
public sealed class AlertCounts
{
    public Dictionary<AlertKey, long> Rules { get; } = [];

    public Dictionary<VideoWindow, long> Videos { get; } = [];
}

/// <summary>A video's views in one window of a length some video-breakout rule watches.</summary>
public readonly record struct VideoWindow(string VideoId, int WindowMinutes, long Window);
