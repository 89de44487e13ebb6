namespace Spotlight.Grains.Reviews;

[GenerateSerializer, Alias("Spotlight.Reviews.LinkReviewDirectoryState")]
public sealed class LinkReviewDirectoryState
{
    [Id(0)]
    public HashSet<string> TitleIds { get; set; } = [];
}
