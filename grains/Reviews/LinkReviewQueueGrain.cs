using Spotlight.GrainInterfaces.Reviews;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Reviews;

public sealed class LinkReviewQueueGrain(
    [PersistentState("link-review-queue", StorageNames.Default)] IPersistentState<LinkReviewQueueState> state) : Grain, ILinkReviewQueueGrain
{
    public async Task AddAsync(LinkReview review)
    {
        if (state.State.Reviews.TryAdd(KeyOf(review.VideoId, review.TitleId), review))
        {
            await state.WriteOrDropActivationAsync(this);
        }
    }

    public Task<LinkReview?> GetAsync(string videoId, string titleId) =>
        Task.FromResult(state.State.Reviews.GetValueOrDefault(KeyOf(videoId, titleId)));

    public Task<IReadOnlyList<LinkReview>> ListAsync(LinkReviewStatus status, string? titleId, int limit) =>
        Task.FromResult<IReadOnlyList<LinkReview>>([.. state.State.Reviews.Values
            .Where(r => r.Status == status && (titleId is null || r.TitleId == titleId))
            .OrderBy(r => r.QueuedAt)
            .ThenBy(r => r.VideoId, StringComparer.Ordinal)
            .Take(limit)]);

    public async Task<LinkReview?> DecideAsync(string videoId, string titleId, bool approve, string reviewerId, string? reason, DateTimeOffset at)
    {
        var key = KeyOf(videoId, titleId);
        if (!state.State.Reviews.TryGetValue(key, out var review) || review.Status != LinkReviewStatus.Pending)
        {
            return null;
        }

        var decided = review with { Status = approve ? LinkReviewStatus.Approved : LinkReviewStatus.Rejected, ReviewerId = reviewerId, Reason = reason, DecidedAt = at };
        state.State.Reviews[key] = decided;
        await state.WriteOrDropActivationAsync(this);
        return decided;
    }

    private static string KeyOf(string videoId, string titleId) => $"{videoId}/{titleId}";
}
