using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Common;
using Spotlight.Grains.Domain.Analytics;
using Spotlight.Grains.Engagement;

namespace Spotlight.Grains.Analytics;

/// <summary>
/// Feeds title analytics from one engagement partition: asks each video of a delivery where its engagement
/// counts (its <see cref="VideoRoute"/>, kept for a few seconds, so a hot video costs one call per few
/// seconds, not one per delivery), then sends each (title, day) one delta, exactly once by range like the
/// other projectors. A route is fixed for the whole delivery, so a part sent again after an overlap is
/// computed the same way.
/// </summary>
[ImplicitStreamSubscription(EngagementStreams.Namespace)]
public sealed class TitleAnalyticsProjectorGrain(TimeProvider clock) : EngagementProjector, ITitleAnalyticsProjectorGrain
{
    /// <summary>How long a route is trusted: a new link shows in <c>linked</c> counts within this.</summary>
    private static readonly TimeSpan RouteLifetime = TimeSpan.FromSeconds(5);

    private const int MaxCachedRoutes = 100_000;
    private const int ParallelCalls = 32;

    private readonly Dictionary<string, (VideoRoute? Route, DateTimeOffset At)> _routes = new(StringComparer.Ordinal);

    protected override async Task ApplyAsync(string partition, IReadOnlyList<PositionedSlice> slices)
    {
        var routes = await RoutesAsync(slices.SelectMany(s => s.Slice.Records).Select(r => r.VideoId));
        var deltas = TitleAnalyticsAggregation.ByTitleDay(slices.SelectMany(s => s.Slice.Records), routes);
        await GrainCalls.InBatchesAsync(deltas.Keys, ParallelCalls, async key =>
        {
            var grain = GrainFactory.GetGrain<ITitleDayAnalyticsGrain>(key);
            await RangeDelivery.SendAsync(partition, slices, deltas[key], grain.ApplyEngagementAsync,
                run => TitleAnalyticsAggregation.ByTitleDay(run.SelectMany(s => s.Slice.Records), routes).GetValueOrDefault(key));
            return key;
        });
    }

    private async Task<IReadOnlyDictionary<string, VideoRoute?>> RoutesAsync(IEnumerable<string> videoIds)
    {
        var now = clock.GetUtcNow();
        var wanted = videoIds.Distinct(StringComparer.Ordinal).ToList();
        var stale = wanted.Where(id => !_routes.TryGetValue(id, out var cached) || now - cached.At > RouteLifetime).ToList();
        if (_routes.Count + stale.Count > MaxCachedRoutes)
        {
            _routes.Clear();
            stale = wanted;
        }

        var fetched = await GrainCalls.InBatchesAsync(stale, ParallelCalls, id => GrainFactory.GetGrain<IVideoGrain>(id).GetAnalyticsRouteAsync());
        foreach (var (id, route) in fetched)
        {
            _routes[id] = (route, now);
        }

        return wanted.ToDictionary(id => id, id => _routes[id].Route, StringComparer.Ordinal);
    }
}
