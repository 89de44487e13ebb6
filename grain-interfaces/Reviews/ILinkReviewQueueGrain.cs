namespace Spotlight.GrainInterfaces.Reviews;

/// <summary>One title's link reviews (key: title id): the videos that became eligible for an anchor link to
/// it and what reviewers decided, oldest first. A queue per title keeps each write to one title's reviews;
/// <see cref="ILinkReviewDirectoryGrain"/> lists the titles that have any, for reviews across titles.</summary>
[Alias("Spotlight.Reviews.ILinkReviewQueueGrain")]
public interface ILinkReviewQueueGrain : IGrainWithStringKey
{
    /// <summary>Adds a pending review; a video already listed (in any status) is left as it is.</summary>
    [Alias("AddAsync")]
    Task AddAsync(LinkReview review);

    [Alias("GetAsync")]
    Task<LinkReview?> GetAsync(string videoId);

    [Alias("ListAsync")]
    Task<IReadOnlyList<LinkReview>> ListAsync(LinkReviewStatus status, int limit);

    /// <summary>Records the decision on a pending review; null when the video's review is not pending.</summary>
    [Alias("DecideAsync")]
    Task<LinkReview?> DecideAsync(string videoId, bool approve, string reviewerId, string? reason, DateTimeOffset at);
}
