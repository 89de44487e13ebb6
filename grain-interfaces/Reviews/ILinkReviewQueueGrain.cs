namespace Spotlight.GrainInterfaces.Reviews;

/// <summary>Eligible (video, title) pairs and their reviews, oldest first. One queue (key <see cref="Key"/>);
/// reviewers filter it by status and title.</summary>
[Alias("Spotlight.Reviews.ILinkReviewQueueGrain")]
public interface ILinkReviewQueueGrain : IGrainWithStringKey
{
    public const string Key = "links";

    /// <summary>Adds a pending review; a pair already listed (in any status) is left as it is.</summary>
    [Alias("AddAsync")]
    Task AddAsync(LinkReview review);

    [Alias("GetAsync")]
    Task<LinkReview?> GetAsync(string videoId, string titleId);

    [Alias("ListAsync")]
    Task<IReadOnlyList<LinkReview>> ListAsync(LinkReviewStatus status, string? titleId, int limit);

    /// <summary>Records the decision on a pending review; null when the pair is not pending.</summary>
    [Alias("DecideAsync")]
    Task<LinkReview?> DecideAsync(string videoId, string titleId, bool approve, string reviewerId, string? reason, DateTimeOffset at);
}
