using Spotlight.Domain.Alerts;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Projection;

namespace Spotlight.Grains.Engagement.Alerts;

/// <summary>
/// What a delivery adds to the alert counts: for every event of a video that matches a title with rules, its
/// count under each rule's window and subjects (<see cref="AlertEvaluator.SubjectsOf"/>). A store runs it
/// inside its commit, with the rules that commit sees; a delivery that touches no title with rules costs a
/// lookup per routed video.
/// </summary>
public static class AlertCounting
{
    public static Dictionary<AlertKey, long> Count(AlertRuleSet rules, AlertInput? input)
    {
        var counts = new Dictionary<AlertKey, long>();
        if (input is null || rules.IsEmpty)
        {
            return counts;
        }

        foreach (var slice in input.Slices)
        {
            var watched = new (VideoRoute Route, string[] Titles)?[slice.Videos.Length];
            var any = false;
            for (var v = 0; v < watched.Length; v++)
            {
                if (input.Routes.GetValueOrDefault(slice.Videos[v]) is { MatchingTitles.Length: > 0 } route)
                {
                    var titles = Array.FindAll(route.MatchingTitles, t => rules.RulesOf(t) is not null);
                    if (titles.Length > 0)
                    {
                        watched[v] = (route, titles);
                        any = true;
                    }
                }
            }

            if (!any)
            {
                continue;
            }

            foreach (var e in slice.Events.Span)
            {
                if (watched[e.Video] is not { } video || e.Kind == EngagementKind.Use)
                {
                    continue;
                }

                foreach (var titleId in video.Titles)
                {
                    foreach (var rule in rules.RulesOf(titleId)!)
                    {
                        var window = AlertWindows.IndexOfMinute(e.Minute, rule.WindowMinutes);
                        foreach (var subject in AlertEvaluator.SubjectsOf(rule, e.Kind, video.Route.Entry.VideoId, video.Route.Entry.Hashtags))
                        {
                            var key = new AlertKey(titleId, rule.Id, window, subject);
                            counts[key] = counts.GetValueOrDefault(key) + e.Count;
                        }
                    }
                }
            }
        }

        return counts;
    }
}

/// <summary>A delivery's events and its videos' routes, for the alert counts (see <see cref="AlertCounting"/>).</summary>
public sealed record AlertInput(IReadOnlyList<SliceReader> Slices, IReadOnlyDictionary<string, VideoRoute> Routes);
