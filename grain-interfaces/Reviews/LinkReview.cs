namespace Spotlight.GrainInterfaces.Reviews;

[GenerateSerializer, Alias("Spotlight.Reviews.LinkReviewStatus")]
public enum LinkReviewStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A (video, title) pair that became eligible for an anchor link, and what a reviewer decided.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Reviews.LinkReview")]
public sealed record LinkReview(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string TitleId,
    [property: Id(2)] string CreatorId,
    [property: Id(3)] DateTimeOffset QueuedAt,
    [property: Id(4)] LinkReviewStatus Status,
    [property: Id(5)] string? ReviewerId = null,
    [property: Id(6)] string? Reason = null,
    [property: Id(7)] DateTimeOffset? DecidedAt = null);
