using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Engagement;

[ImplicitStreamSubscription(EngagementStreams.Namespace)]
public sealed class TrackPopularityProjectorGrain : EngagementProjector, ITrackPopularityProjectorGrain
{
    protected override Task ApplyAsync(string partition, IReadOnlyList<PositionedSlice> slices) =>
        Task.WhenAll(EngagementAggregation.ByTrackMinute(slices.SelectMany(s => s.Slice.Records)).Select(track =>
        {
            var grain = GrainFactory.GetGrain<ITrackPopularityGrain>(track.Key);
            return RangeDelivery.SendAsync<IReadOnlyList<MinuteCounts>>(partition, slices, track.Value, grain.ApplyEngagementAsync,
                run => EngagementAggregation.ByTrackMinute(run.SelectMany(s => s.Slice.Records)).GetValueOrDefault(track.Key));
        }));
}
