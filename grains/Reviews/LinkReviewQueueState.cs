using Spotlight.GrainInterfaces.Reviews;

namespace Spotlight.Grains.Reviews;

[GenerateSerializer, Alias("Spotlight.Reviews.LinkReviewQueueState")]
public sealed class LinkReviewQueueState
{
    /// <summary>Keyed <c>{videoId}/{titleId}</c>.</summary>
    [Id(0)]
    public Dictionary<string, LinkReview> Reviews { get; set; } = [];
}
