using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.Grains.Common;
using Spotlight.Domain.Analytics;
using Spotlight.Grains.Engagement.Projection;
using Spotlight.Grains.Engagement.Store;

namespace Spotlight.Grains.Analytics;

/// <summary>
/// One UTC day of a title's analytics. Engagement (per minute, and each partition's bounded top lists) is
/// loaded from the engagement store on activation and kept current by the projectors' notices, applied
/// once each by position; hub visits and click-throughs are this grain's own state.
/// </summary>
public sealed class TitleDayAnalyticsGrain(
    [PersistentState("title-day-hub", StorageNames.Default)] IPersistentState<TitleDayHubState> hub,
    IEngagementStore store) : Grain, ITitleDayAnalyticsGrain
{
    /// <summary>The most entries a day's report lists per top list (a report shows at most 100).</summary>
    public const int ReportedTopEntries = 1024;

    private readonly Dictionary<long, (EngagementCounters Matching, EngagementCounters Linked)> _minutes = [];
    private readonly Dictionary<int, Dictionary<(TopListKind List, string Key), TopListRow>> _tops = [];
    private AppliedPositions _positions = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task ApplyAsync(TitleDayNotice notice)
    {
        switch (_positions.Judge(notice.Range))
        {
            case NoticeVerdict.Apply:
                foreach (var minute in notice.Minutes)
                {
                    var (matching, linked) = _minutes.GetValueOrDefault(minute.Minute, (EngagementCounters.Zero, EngagementCounters.Zero));
                    _minutes[minute.Minute] = (matching.Add(minute.Matching), linked.Add(minute.Linked));
                }

                var rows = TopsOf(notice.Range.Partition);
                foreach (var row in notice.TopRows)
                {
                    if (row.Removed)
                    {
                        rows.Remove((row.List, row.Key));
                    }
                    else
                    {
                        rows[(row.List, row.Key)] = row;
                    }
                }

                _positions.Advance(notice.Range);
                break;
            case NoticeVerdict.Reload:
                await LoadAsync(CancellationToken.None);
                break;
        }
    }

    public async Task AddHubActivityAsync(IReadOnlyList<TitleMinuteCounts> minutes)
    {
        foreach (var minute in minutes)
        {
            hub.State.Minutes[minute.Minute] = hub.State.Minutes.TryGetValue(minute.Minute, out var current) ? TitleMinuteMath.Add(current, minute) : minute;
        }

        await hub.WriteOrDropActivationAsync(this);
    }

    public Task<TitleDayReport> GetAsync(long fromMinute, long toMinute)
    {
        var (_, day) = TitleAnalyticsKeys.Parse(this.GetPrimaryKeyString());
        var minutes = new Dictionary<long, TitleMinuteCounts>();
        foreach (var (minute, (matching, linked)) in _minutes)
        {
            if (minute >= fromMinute && minute < toMinute)
            {
                minutes[minute] = new TitleMinuteCounts(minute, matching, linked, 0, new Dictionary<string, long>());
            }
        }

        foreach (var (minute, activity) in hub.State.Minutes)
        {
            if (minute >= fromMinute && minute < toMinute)
            {
                minutes[minute] = minutes.TryGetValue(minute, out var current) ? TitleMinuteMath.Add(current, activity) : activity;
            }
        }

        var approximate = false;
        var lists = Enum.GetValues<TopListKind>().ToDictionary(kind => kind, kind => MergedTop(kind, ref approximate));
        return Task.FromResult(new TitleDayReport(
            day, [.. minutes.Values.OrderBy(m => m.Minute)], lists[TopListKind.Video], lists[TopListKind.Creator], lists[TopListKind.Hashtag], approximate));
    }

    /// <summary>One list over all partitions: each key's engagement summed; approximate once any partition's
    /// list had to drop keys, or the merged list is cut to <see cref="ReportedTopEntries"/>.</summary>
    private Dictionary<string, EngagementCounters> MergedTop(TopListKind kind, ref bool approximate)
    {
        var merged = new Dictionary<string, EngagementCounters>(StringComparer.Ordinal);
        foreach (var rows in _tops.Values)
        {
            foreach (var row in rows.Values)
            {
                if (row.List == kind)
                {
                    approximate |= row.Error > 0;
                    merged[row.Key] = merged.TryGetValue(row.Key, out var current) ? current.Add(row.Counters) : row.Counters;
                }
            }
        }

        if (merged.Count <= ReportedTopEntries)
        {
            return merged;
        }

        approximate = true;
        return TitleAnalyticsReport.Top(merged, ReportedTopEntries).ToDictionary(e => e.Id, e => e.Counters, StringComparer.Ordinal);
    }

    private Dictionary<(TopListKind List, string Key), TopListRow> TopsOf(int partition)
    {
        if (!_tops.TryGetValue(partition, out var rows))
        {
            _tops[partition] = rows = [];
        }

        return rows;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (titleId, day) = TitleAnalyticsKeys.Parse(this.GetPrimaryKeyString());
        var snapshot = await store.LoadTitleDayAsync(titleId, day, cancellationToken);
        _minutes.Clear();
        foreach (var minute in snapshot.Minutes)
        {
            _minutes[minute.Minute] = (minute.Matching, minute.Linked);
        }

        _tops.Clear();
        foreach (var top in snapshot.Tops)
        {
            TopsOf(top.Partition)[(top.Row.List, top.Row.Key)] = top.Row;
        }

        _positions = new AppliedPositions(snapshot.Positions);
    }
}
