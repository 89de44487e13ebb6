using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces.Videos;
using Spotlight.Grains.Domain;

namespace Spotlight.Grains.Engagement;

[ImplicitStreamSubscription(EngagementStreams.Namespace)]
public sealed class VideoCountersProjectorGrain : EngagementProjector, IVideoCountersProjectorGrain
{
    protected override Task ApplyAsync(string partition, IReadOnlyList<PositionedSlice> slices) =>
        Task.WhenAll(EngagementAggregation.ByVideo(slices.SelectMany(s => s.Slice.Records)).Select(video =>
        {
            var grain = GrainFactory.GetGrain<IVideoGrain>(video.Key);
            return RangeDelivery.SendAsync<EngagementCounters>(partition, slices, video.Value, grain.ApplyEngagementAsync,
                run => EngagementAggregation.ByVideo(run.SelectMany(s => s.Slice.Records)).GetValueOrDefault(video.Key));
        }));
}
