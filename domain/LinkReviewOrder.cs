using Spotlight.GrainInterfaces.Reviews;

namespace Spotlight.Domain;

/// <summary>The order reviewers see link reviews in, within a title and across titles: oldest first.</summary>
public static class LinkReviewOrder
{
    public static IEnumerable<LinkReview> Sort(IEnumerable<LinkReview> reviews) => reviews
        .OrderBy(r => r.QueuedAt)
        .ThenBy(r => r.TitleId, StringComparer.Ordinal)
        .ThenBy(r => r.VideoId, StringComparer.Ordinal);
}
