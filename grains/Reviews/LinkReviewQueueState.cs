using Spotlight.GrainInterfaces.Reviews;

namespace Spotlight.Grains.Reviews;

[GenerateSerializer, Alias("Spotlight.Reviews.LinkReviewQueueState")]
public sealed class LinkReviewQueueState
{
    /// <summary>By video id.</summary>
    [Id(0)]
    public Dictionary<string, LinkReview> Reviews { get; set; } = [];

    /// <summary>The directory lists this title.</summary>
    [Id(1)]
    public bool Listed { get; set; }
}
