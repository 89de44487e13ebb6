using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Engagement.Alerts;
using Spotlight.Grains.Engagement.Directory;
using Spotlight.Grains.Engagement.Log;
using Spotlight.Grains.Engagement.Payload;
using Spotlight.Grains.Engagement.Store;
using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>
/// The one consumer of an engagement partition. A delivery (consecutive log entries) is summed per key and
/// applied to the engagement store in one commit together with the partition's new position, so exactly
/// once holds by that commit: entries at or below the stored position are never applied again, whoever
/// delivers them. After the commit it tells the grains that show the numbers (rounds and playlists that
/// follow the tracks, title-days, hubs of linked videos, videos that reached a title's view threshold) and has
/// the store evaluate the alert windows the commit counted; reads never wait for a store write. A notice that
/// cannot be delivered is retried, and the position up to which every notice arrived is stored, so a projector that dies between commit and notices has the
/// grains of the missing part reload from the store when it comes back.
/// </summary>
[ImplicitStreamSubscription(EngagementPartitions.Namespace)]
public sealed class EngagementProjectorGrain : Grain, IEngagementProjectorGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<EngagementLogEntry>
{
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a delivery keeps retrying a store that fails before it gives the delivery back to the
    /// stream (which delivers it again; entries it skips are read from the log, see <see cref="FillGapsAsync"/>).</summary>
    private static readonly TimeSpan CommitRetryLimit = TimeSpan.FromSeconds(20);

    private const int NoticeAttempts = 3;
    private const int ParallelNotices = 64;
    private const int RecoveryReadSize = 1024;
    private const int ToldCapacity = 1_000_000;

    private static readonly IReadOnlyDictionary<string, long> NoClicks = new Dictionary<string, long>();

    private readonly IEngagementStore _store;
    private readonly IAlertStore _alerts;
    private readonly TimeProvider _clock;
    private readonly IEngagementLog _log;
    private readonly TitleMatchIndex _titles;
    private readonly EngagementOptions _options;
    private readonly EngagementMetrics _metrics;
    private readonly ILogger<EngagementProjectorGrain> _logger;
    private readonly ProjectorRoutes _routes;
    private readonly NoticeLedger _ledger = new();
    private readonly PendingNotices _pending = new();

    // Kept from delivery to delivery, so their capacity is grown once (deliveries run one at a time).
    private readonly EventBuffer _events = new();
    private readonly HashSet<string> _deliveryVideos = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VideoRoute> _deliveryRoutes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _deliveryViews = new(StringComparer.Ordinal);
    private readonly DeliveryAggregate _sum = new();

    /// <summary>(video, title) pairs whose view threshold this activation has told the video of.</summary>
    private readonly HashSet<(string VideoId, string TitleId)> _told = [];

    private int _partition;
    private long _applied;
    private long _notified;
    private long _notifiedStored;
    private bool _recovering;
    private TitleTopCache _tops = null!;

    public EngagementProjectorGrain(
        IEngagementStore store,
        IAlertStore alerts,
        TimeProvider clock,
        IEngagementLog log,
        IVideoDirectory directory,
        TitleMatchIndex titles,
        IOptions<EngagementOptions> options,
        EngagementMetrics metrics,
        ILogger<EngagementProjectorGrain> logger)
    {
        (_store, _alerts, _clock, _log, _titles, _options, _metrics, _logger) = (store, alerts, clock, log, titles, options.Value, metrics, logger);
        _routes = new ProjectorRoutes(directory, titles);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _partition = EngagementPartitions.Parse(this.GetPrimaryKeyString());
        _tops = new TitleTopCache(_store, _partition, _options.TopListCapacity);
        var position = await _store.ReadPositionAsync(_partition, cancellationToken);
        (_applied, _notified, _notifiedStored) = (position.Applied, position.Notified, position.Notified);
        _recovering = _notified < _applied;
        this.RegisterGrainTimer(HousekeepAsync, new GrainTimerCreationOptions(HousekeepingInterval, HousekeepingInterval) { Interleave = false });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!_recovering && _pending.IsEmpty && _applied > _notifiedStored)
        {
            await _store.MarkNotifiedAsync(_partition, _applied, cancellationToken);
        }
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<EngagementLogEntry>().ResumeAsync(this);

    public Task ForgetRouteAsync(string videoId)
    {
        _routes.Forget(videoId);
        return Task.CompletedTask;
    }

    public async Task OnNextAsync(IList<SequentialItem<EngagementLogEntry>> items)
    {
        if (_recovering)
        {
            await RecoverAsync();
        }

        var entries = await FillGapsAsync(items.Select(i => i.Item));
        foreach (var chunk in entries.Chunk(Math.Max(1, _options.EntriesPerDelivery)))
        {
            await ApplyWithRetriesAsync(chunk);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <summary>The pulling agent reports here what it could not deliver; the entries are read from the log
    /// with the next delivery (see <see cref="FillGapsAsync"/>), so this only logs.</summary>
    public Task OnErrorAsync(Exception ex)
    {
        _logger.LogWarning(ex, "Engagement partition {Partition}: the stream reported a delivery error", _partition);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The entries after the stored position, without holes: offsets are dense, so an entry the stream
    /// skipped (it gives up on a delivery that failed for too long) or never had (a queue moved between
    /// silos) is read from the log itself.
    /// </summary>
    private async Task<List<EngagementLogEntry>> FillGapsAsync(IEnumerable<EngagementLogEntry> delivered)
    {
        var result = new List<EngagementLogEntry>();
        var expected = _applied + 1;
        foreach (var entry in delivered.OrderBy(e => e.Offset))
        {
            while (entry.Offset > expected)
            {
                var missing = await _log.ReadAsync(_partition, expected - 1, (int)Math.Min(entry.Offset - expected, RecoveryReadSize), CancellationToken.None);
                if (missing.Count == 0 || missing[0].Offset != expected)
                {
                    throw new InvalidOperationException($"Engagement partition {_partition}: entries {expected}..{entry.Offset - 1} are not in the log.");
                }

                result.AddRange(missing);
                expected = missing[^1].Offset + 1;
            }

            if (entry.Offset == expected)
            {
                result.Add(entry);
                expected++;
            }
        }

        return result;
    }

    private async Task ApplyWithRetriesAsync(IReadOnlyList<EngagementLogEntry> chunk)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var pending = chunk.Where(e => e.Offset > _applied).ToList();
                if (pending.Count == 0 || await ApplyAsync(pending))
                {
                    return;
                }
            }
            catch (Exception ex) when (clock.Elapsed < CommitRetryLimit)
            {
                _logger.LogWarning(ex, "Engagement partition {Partition}: applying entries {First}..{Last} failed (attempt {Attempt}); retrying", _partition, chunk[0].Offset, chunk[^1].Offset, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 * (1 << Math.Min(attempt, 6)))));
            }
        }
    }

    /// <summary>Commits one delivery and tells the grains; false when the store was elsewhere already (another
    /// activation of this partition committed first), so the caller looks again at what is left.</summary>
    private async Task<bool> ApplyAsync(IReadOnlyList<EngagementLogEntry> entries)
    {
        var started = Stopwatch.GetTimestamp();
        _events.Reset();
        var slices = entries.Select(e => SliceReader.Read(e.Payload, _events)).ToList();
        _deliveryVideos.Clear();
        foreach (var slice in slices)
        {
            _deliveryVideos.UnionWith(slice.Videos);
        }

        var routes = await _routes.ResolveAsync(_deliveryVideos, CancellationToken.None, _deliveryRoutes);
        var sum = DeliveryAggregation.Aggregate(slices, routes, _sum);
        var commit = new DeliveryCommit(_partition, _applied, entries[^1].Offset, sum.Videos, sum.TrackMinutes, sum.TitleMinutes, _deliveryViews)
        {
            Notified = _recovering ? _notifiedStored : _notified,
            VideoMinutes = sum.VideoMinutes,
            Alerts = new AlertInput(slices, routes),
            At = _clock.GetUtcNow(),
        };
        var topRows = new Dictionary<(string TitleId, long Day), List<TopListRow>>();
        foreach (var ((titleId, day), keys) in sum.TitleKeys)
        {
            var lists = await _tops.ListsOfAsync(titleId, day, CancellationToken.None);
            var rows = new List<TopListRow>();
            foreach (var ((list, key), counts) in keys)
            {
                lists[(int)list].Add(key, counts.ToCounters(), rows);
            }

            topRows[(titleId, day)] = rows;
            commit.TitleTops.AddRange(rows.Select(row => new TitleTopRow(titleId, day, row)));
        }

        CommitOutcome outcome;
        var committing = Stopwatch.GetTimestamp();
        try
        {
            outcome = await _store.CommitAsync(commit, CancellationToken.None);
        }
        catch
        {
            _tops.Forget(sum.TitleKeys.Keys);
            throw;
        }

        if (!outcome.Committed)
        {
            _tops.Forget(sum.TitleKeys.Keys);
            _logger.LogWarning("Engagement partition {Partition}: the store is at {Applied}, not {Expected}; another activation applied it", _partition, outcome.Applied, _applied);
            _applied = outcome.Applied;
            return false;
        }

        _metrics.CommitSeconds.Record(Stopwatch.GetElapsedTime(committing).TotalSeconds);
        var range = (First: entries[0].Offset, Last: commit.Last);
        _applied = commit.Last;
        _metrics.EventsApplied.Add(sum.Events);
        _metrics.DeliveryEvents.Record(sum.Events);
        _metrics.DeliveryEntries.Record(entries.Count);
        await NotifyAsync(range, sum, topRows, outcome, routes);
        if (_pending.IsEmpty && !_recovering)
        {
            _notified = _applied;
        }

        _metrics.DeliverySeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return true;
    }

    private async Task NotifyAsync(
        (long First, long Last) range,
        DeliveryAggregate sum,
        Dictionary<(string TitleId, long Day), List<TopListRow>> topRows,
        CommitOutcome outcome,
        IReadOnlyDictionary<string, VideoRoute> routes)
    {
        var notices = new List<Func<Task>>();
        foreach (var (follower, points) in outcome.FollowerPoints)
        {
            var notice = new TrackPointsNotice(RangeFor(follower, range), points);
            notices.Add(() => SendAsync(follower, range.Last, () => FollowerKeys.NotifyAsync(GrainFactory, follower, notice), () => _pending.Followers.Add(follower)));
        }

        foreach (var day in sum.TitleMinutes.GroupBy(m => (m.Key.TitleId, Day: TitleAnalyticsKeys.DayOf(m.Key.Minute))))
        {
            var key = TitleAnalyticsKeys.Day(day.Key.TitleId, day.Key.Day);
            var minutes = day.OrderBy(m => m.Key.Minute)
                .Select(m => new TitleMinuteCounts(m.Key.Minute, m.Value.Matching.ToCounters(), m.Value.Linked.ToCounters(), 0, NoClicks))
                .ToList();
            var notice = new TitleDayNotice(RangeFor(key, range), minutes, topRows.GetValueOrDefault(day.Key) ?? []);
            notices.Add(() => SendAsync(key, range.Last, () => GrainFactory.GetGrain<ITitleDayAnalyticsGrain>(key).ApplyAsync(notice), () => _pending.TitleDays.Add(key)));
        }

        foreach (var hub in LinkedViews(sum.RoutedVideos.Where(v => sum.Videos[v].Views > 0), routes, outcome.VideoViews))
        {
            notices.Add(() => SendAsync(null, range.Last, () => GrainFactory.GetGrain<ITitleHubGrain>(hub.Key).UpdateLinkedViewsAsync(hub.Value), () => _pending.AddHubReports(hub.Key, hub.Value)));
        }

        foreach (var videoId in ReachedThresholds(sum.RoutedVideos, routes, outcome.VideoViews))
        {
            notices.Add(() => SendAsync(null, range.Last, () => GrainFactory.GetGrain<IVideoGrain>(videoId).CheckEligibilityAsync(), () => _pending.Videos.Add(videoId)));
        }

        if (outcome.AlertKeys.Count > 0)
        {
            notices.Add(() => SendAsync(null, range.Last, () => EvaluateAlertsAsync(outcome.AlertKeys), () => _pending.AlertKeys.UnionWith(outcome.AlertKeys)));
        }

        foreach (var batch in notices.Chunk(ParallelNotices))
        {
            await Task.WhenAll(batch.Select(send => send()));
        }
    }

    private async Task EvaluateAlertsAsync(IReadOnlyCollection<AlertKey> keys)
    {
        var fired = await _alerts.EvaluateAsync(keys, _clock.GetUtcNow(), CancellationToken.None);
        _metrics.AlertsFired.Add(fired.Count);
    }

    private DeliveryRange RangeFor(string receiver, (long First, long Last) range) =>
        new(_partition, range.First, range.Last, _ledger.PreviousEnd(receiver));

    /// <summary>Sends a notice, retrying a few times; a receiver that still did not take it is left to the
    /// housekeeping timer (<paramref name="onFailure"/>) and its place in the ledger becomes unknown.</summary>
    private async Task SendAsync(string? receiver, long end, Func<Task> send, Action onFailure)
    {
        for (var attempt = 1; attempt <= NoticeAttempts; attempt++)
        {
            try
            {
                await send();
                if (receiver is not null)
                {
                    _ledger.Delivered(receiver, end);
                }

                return;
            }
            catch (Exception ex) when (attempt < NoticeAttempts)
            {
                _metrics.NoticeRetries.Add(1);
                _logger.LogDebug(ex, "Engagement partition {Partition}: a notice to {Receiver} failed (attempt {Attempt})", _partition, receiver, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Engagement partition {Partition}: a notice to {Receiver} failed; it is retried in the background", _partition, receiver);
            }
        }

        if (receiver is not null)
        {
            _ledger.Unknown(receiver);
        }

        onFailure();
    }

    /// <summary>Linked videos' views after the commit, per title they link to.</summary>
    private static Dictionary<string, List<LinkedVideoReport>> LinkedViews(
        IEnumerable<string> videoIds, IReadOnlyDictionary<string, VideoRoute> routes, IReadOnlyDictionary<string, long> views)
    {
        var byTitle = new Dictionary<string, List<LinkedVideoReport>>(StringComparer.Ordinal);
        foreach (var videoId in videoIds)
        {
            if (routes.GetValueOrDefault(videoId)?.Entry is { AnchorLink: { } titleId } entry && views.TryGetValue(videoId, out var total))
            {
                if (!byTitle.TryGetValue(titleId, out var reports))
                {
                    byTitle[titleId] = reports = [];
                }

                reports.Add(new LinkedVideoReport(videoId, entry.CreatorId, total, Linked: true));
            }
        }

        return byTitle;
    }

    /// <summary>Videos whose views now reach the <c>minViews</c> of a matching title whose follower threshold
    /// the creator meets, and that this activation has not told yet (the video grain decides the rest).</summary>
    private List<string> ReachedThresholds(IEnumerable<string> videoIds, IReadOnlyDictionary<string, VideoRoute> routes, IReadOnlyDictionary<string, long> views)
    {
        var reached = new List<string>();
        foreach (var videoId in videoIds)
        {
            if (routes.GetValueOrDefault(videoId) is not { MatchingTitles.Length: > 0 } route || !views.TryGetValue(videoId, out var total))
            {
                continue;
            }

            var tell = false;
            foreach (var titleId in route.MatchingTitles)
            {
                if (_titles.Title(titleId) is { } title && route.Entry.CreatorFollowers >= title.MinFollowers && total >= title.MinViews)
                {
                    if (_told.Count >= ToldCapacity)
                    {
                        _told.Clear();
                    }

                    tell |= _told.Add((videoId, titleId));
                }
            }

            if (tell)
            {
                reached.Add(videoId);
            }
        }

        return reached;
    }

    /// <summary>Every few seconds: finishes a recovery, retries notices that failed, stores how far every
    /// grain has been told, and has the store write the video minutes it holds once they are due.</summary>
    private async Task HousekeepAsync()
    {
        try
        {
            if (_recovering)
            {
                await RecoverAsync();
            }

            await RetryPendingAsync();
            if (_pending.IsEmpty && !_recovering)
            {
                _notified = _applied;
            }

            if (_notified > _notifiedStored)
            {
                await _store.MarkNotifiedAsync(_partition, _notified, CancellationToken.None);
                _notifiedStored = _notified;
            }

            await _store.WriteHeldVideoMinutesAsync(_partition, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Engagement partition {Partition}: housekeeping failed; it runs again shortly", _partition);
        }
    }

    /// <summary>Resends what failed: followers and title-days reload from the store (a resync notice), videos
    /// are told again, hubs get the views they missed, alert keys are evaluated again.</summary>
    private async Task RetryPendingAsync()
    {
        if (_pending.IsEmpty)
        {
            return;
        }

        var upTo = _applied;
        var sends = new List<Func<Task>>();
        foreach (var follower in _pending.Followers.ToList())
        {
            _pending.Followers.Remove(follower);
            var notice = new TrackPointsNotice(DeliveryRange.Resync(_partition, upTo), new Dictionary<string, long>());
            sends.Add(() => SendAsync(follower, upTo, () => FollowerKeys.NotifyAsync(GrainFactory, follower, notice), () => _pending.Followers.Add(follower)));
        }

        foreach (var key in _pending.TitleDays.ToList())
        {
            _pending.TitleDays.Remove(key);
            var notice = new TitleDayNotice(DeliveryRange.Resync(_partition, upTo), [], []);
            sends.Add(() => SendAsync(key, upTo, () => GrainFactory.GetGrain<ITitleDayAnalyticsGrain>(key).ApplyAsync(notice), () => _pending.TitleDays.Add(key)));
        }

        foreach (var videoId in _pending.Videos.ToList())
        {
            _pending.Videos.Remove(videoId);
            sends.Add(() => SendAsync(null, upTo, () => GrainFactory.GetGrain<IVideoGrain>(videoId).CheckEligibilityAsync(), () => _pending.Videos.Add(videoId)));
        }

        if (_pending.AlertKeys.Count > 0)
        {
            var keys = _pending.AlertKeys.ToList();
            _pending.AlertKeys.Clear();
            sends.Add(() => SendAsync(null, upTo, () => EvaluateAlertsAsync(keys), () => _pending.AlertKeys.UnionWith(keys)));
        }

        foreach (var (titleId, reports) in _pending.TakeHubReports())
        {
            sends.Add(() => SendAsync(null, upTo, () => GrainFactory.GetGrain<ITitleHubGrain>(titleId).UpdateLinkedViewsAsync(reports), () => _pending.AddHubReports(titleId, reports)));
        }

        foreach (var batch in sends.Chunk(ParallelNotices))
        {
            await Task.WhenAll(batch.Select(send => send()));
        }
    }

    /// <summary>
    /// After a restart with entries committed but not every grain told of them: reads those entries again and
    /// has every grain they touched catch up (followers and title-days reload from the store, videos and hubs
    /// are told what the store now holds) and evaluates the alert keys those entries counted.
    /// </summary>
    private async Task RecoverAsync()
    {
        var tracks = new HashSet<string>(StringComparer.Ordinal);
        var videos = new HashSet<string>(StringComparer.Ordinal);
        var titleDays = new HashSet<string>(StringComparer.Ordinal);
        for (var after = _notifiedStored; after < _applied;)
        {
            var entries = await _log.ReadAsync(_partition, after, RecoveryReadSize, CancellationToken.None);
            entries = [.. entries.Where(e => e.Offset <= _applied)];
            if (entries.Count == 0)
            {
                break;
            }

            foreach (var slice in entries.Select(e => SliceReader.Read(e.Payload)))
            {
                tracks.UnionWith(slice.Tracks);
                videos.UnionWith(slice.Videos);
                var routes = await _routes.ResolveAsync(slice.Videos, CancellationToken.None);
                foreach (var e in slice.Events.Span)
                {
                    if (routes.GetValueOrDefault(slice.Videos[e.Video]) is { } route)
                    {
                        foreach (var titleId in route.MatchingTitles)
                        {
                            titleDays.Add(TitleAnalyticsKeys.Day(titleId, TitleAnalyticsKeys.DayOf(e.Minute)));
                        }
                    }
                }
            }

            after = entries[^1].Offset;
        }

        _pending.Followers.UnionWith(await _store.FollowersOfAsync(tracks, CancellationToken.None));
        _pending.TitleDays.UnionWith(titleDays);
        var videoRoutes = await _routes.ResolveAsync(videos, CancellationToken.None);
        var counters = await _store.ReadVideoCountersAsync(videos, CancellationToken.None);
        var views = counters.ToDictionary(c => c.Key, c => c.Value.Views, StringComparer.Ordinal);
        _pending.Videos.UnionWith(ReachedThresholds(videos, videoRoutes, views));
        foreach (var (titleId, reports) in LinkedViews(videos, videoRoutes, views))
        {
            _pending.AddHubReports(titleId, reports);
        }

        // Evaluating a key again is harmless (a window fires once), so every key these commits changed is.
        _pending.AlertKeys.UnionWith(await _alerts.KeysChangedAfterAsync(_partition, _notifiedStored, CancellationToken.None));

        _logger.LogInformation("Engagement partition {Partition}: recovered notices for entries {From}..{To} ({Followers} followers, {TitleDays} title-days)",
            _partition, _notifiedStored + 1, _applied, _pending.Followers.Count, _pending.TitleDays.Count);
        _recovering = false;
        await RetryPendingAsync();
    }

    /// <summary>Notices that failed and are owed again.</summary>
    private sealed class PendingNotices
    {
        private readonly Dictionary<string, Dictionary<string, LinkedVideoReport>> _hubReports = new(StringComparer.Ordinal);

        public HashSet<string> Followers { get; } = new(StringComparer.Ordinal);

        public HashSet<string> TitleDays { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Videos { get; } = new(StringComparer.Ordinal);

        public HashSet<AlertKey> AlertKeys { get; } = [];

        public bool IsEmpty => Followers.Count == 0 && TitleDays.Count == 0 && Videos.Count == 0 && AlertKeys.Count == 0 && _hubReports.Count == 0;

        public void AddHubReports(string titleId, IEnumerable<LinkedVideoReport> reports)
        {
            if (!_hubReports.TryGetValue(titleId, out var byVideo))
            {
                _hubReports[titleId] = byVideo = new Dictionary<string, LinkedVideoReport>(StringComparer.Ordinal);
            }

            foreach (var report in reports)
            {
                // Views only grow; the newest report carries the most.
                if (!byVideo.TryGetValue(report.VideoId, out var held) || held.Views < report.Views)
                {
                    byVideo[report.VideoId] = report;
                }
            }
        }

        public List<(string TitleId, List<LinkedVideoReport> Reports)> TakeHubReports()
        {
            var taken = _hubReports.Select(h => (h.Key, h.Value.Values.ToList())).ToList();
            _hubReports.Clear();
            return taken;
        }
    }
}
