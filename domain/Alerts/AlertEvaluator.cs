using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles.Alerts;

namespace Spotlight.Domain.Alerts;

/// <summary>
/// Evaluates one alert rule on engagement as it is applied, a delivery at a time, and says which windows fire
/// (each at most once). Engagement-rate and video-breakout only ever grow towards their threshold, so a window
/// fires in whatever order its events arrive. Hashtag-rising compares a window with the one before as that one
/// stands when the window is evaluated (after each delivery touching it): events of the window before that
/// arrive later do not take back a firing. Windows ending more than <c>horizon</c> before the newest engagement
/// seen are forgotten, and engagement older than that is ignored, which bounds the state.
/// </summary>
public sealed class AlertEvaluator(AlertRule rule, TimeSpan horizon)
{
    private static readonly string[] WholeTitle = [""];

    private readonly Dictionary<(long Window, string Subject), long> _counts = [];
    private readonly HashSet<long> _fired = [];
    private long _newest = long.MinValue;
    private long _forgottenBefore = long.MinValue;

    public AlertRule Rule => rule;

    /// <summary>Adds a delivery's engagement of the rule's title and answers the windows that fire because of it.</summary>
    public IReadOnlyList<AlertFiring> Apply(IEnumerable<AlertEngagement> delivery)
    {
        var touched = new HashSet<(long Window, string Subject)>();
        foreach (var engagement in delivery)
        {
            var window = AlertWindows.IndexOf(engagement.At, rule.WindowMinutes);
            if (window < Oldest(Math.Max(_newest, window)))
            {
                continue;
            }

            _newest = Math.Max(_newest, window);
            foreach (var subject in SubjectsOf(rule, engagement.Kind, engagement.VideoId, engagement.Hashtags))
            {
                var key = (window, subject);
                _counts[key] = _counts.GetValueOrDefault(key) + engagement.Count;
                touched.Add(key);
            }
        }

        var firings = new List<AlertFiring>();
        foreach (var (window, subject) in touched.OrderBy(k => k.Window).ThenBy(k => k.Subject, StringComparer.Ordinal))
        {
            var figure = _counts[(window, subject)];
            if (!_fired.Contains(window) && Holds(rule, figure, _counts.GetValueOrDefault((window - 1, subject))))
            {
                _fired.Add(window);
                firings.Add(new AlertFiring(rule.Id, AlertWindows.StartOf(window, rule.WindowMinutes), subject.Length == 0 ? null : subject, figure));
            }
        }

        Forget();
        return firings;
    }

    /// <summary>What a rule counts an engagement under: the whole title (""), its video, or each of its hashtags.</summary>
    public static IReadOnlyList<string> SubjectsOf(AlertRule rule, EngagementKind kind, string videoId, IReadOnlyList<string> hashtags) => rule.Kind switch
    {
        AlertKind.EngagementRate => kind == EngagementKind.View ? WholeTitle : [],
        AlertKind.VideoBreakout => kind == EngagementKind.View ? [videoId] : [],
        _ => kind == EngagementKind.Use ? [] : hashtags,
    };

    /// <summary>Whether a window's <paramref name="figure"/> fires the rule; <paramref name="windowBefore"/> is the
    /// same subject's figure in the window before (used by hashtag-rising only).</summary>
    public static bool Holds(AlertRule rule, long figure, long windowBefore) => rule.Kind switch
    {
        AlertKind.HashtagRising => figure >= rule.Threshold && figure >= rule.Factor * windowBefore,
        _ => figure > rule.Threshold,
    };

    private long Oldest(long newest) => newest - (long)Math.Ceiling(horizon.TotalMinutes / rule.WindowMinutes);

    /// <summary>Drops windows past the horizon, once per newer window (not on every delivery).</summary>
    private void Forget()
    {
        var oldest = Oldest(_newest);
        if (oldest <= _forgottenBefore)
        {
            return;
        }

        _forgottenBefore = oldest;
        foreach (var key in _counts.Keys.Where(k => k.Window < oldest).ToList())
        {
            _counts.Remove(key);
        }

        _fired.RemoveWhere(w => w < oldest);
    }
}
