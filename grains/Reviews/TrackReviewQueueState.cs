using Spotlight.GrainInterfaces.Reviews;

namespace Spotlight.Grains.Reviews;

[GenerateSerializer, Alias("Spotlight.Reviews.TrackReviewQueueState")]
public sealed class TrackReviewQueueState
{
    [Id(0)]
    public List<PendingTrack> Pending { get; set; } = [];
}
