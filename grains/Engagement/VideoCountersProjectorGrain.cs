using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Engagement;

[ImplicitStreamSubscription(EngagementStreams.Namespace)]
public sealed class VideoCountersProjectorGrain : EngagementProjector, IVideoCountersProjectorGrain
{
    protected override Task ApplyAsync(SliceIdentity slice, EngagementSlice item) =>
        Task.WhenAll(EngagementAggregation.ByVideo(item.Records)
            .Select(video => GrainFactory.GetGrain<IVideoGrain>(video.Key).ApplyEngagementAsync(slice, video.Value)));
}
