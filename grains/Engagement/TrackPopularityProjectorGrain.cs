using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Engagement;

[ImplicitStreamSubscription(EngagementStreams.Namespace)]
public sealed class TrackPopularityProjectorGrain : EngagementProjector, ITrackPopularityProjectorGrain
{
    protected override Task ApplyAsync(SliceIdentity slice, EngagementSlice item) =>
        Task.WhenAll(EngagementAggregation.ByTrackMinute(item.Records)
            .Select(track => GrainFactory.GetGrain<ITrackPopularityGrain>(track.Key).ApplyEngagementAsync(slice, track.Value)));
}
