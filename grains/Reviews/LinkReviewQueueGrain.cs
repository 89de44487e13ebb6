using Microsoft.Extensions.Logging;
using Spotlight.GrainInterfaces.Reviews;
using Spotlight.Grains.Common;
using Spotlight.Domain;

namespace Spotlight.Grains.Reviews;

public sealed class LinkReviewQueueGrain : Grain, ILinkReviewQueueGrain
{
    private readonly IPersistentState<LinkReviewQueueState> _state;
    private readonly FollowUp _list;

    public LinkReviewQueueGrain(
        [PersistentState("link-review-queue", StorageNames.Default)] IPersistentState<LinkReviewQueueState> state,
        ILogger<LinkReviewQueueGrain> logger)
    {
        _state = state;
        _list = new FollowUp(this, ListInDirectoryAsync, logger);
    }

    private LinkReviewQueueState State => _state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Reviews.Count > 0 && !State.Listed)
        {
            await _list.RunAsync();
        }
    }

    public async Task AddAsync(LinkReview review)
    {
        if (State.Reviews.TryAdd(review.VideoId, review))
        {
            await _state.WriteOrDropActivationAsync(this);
            if (!State.Listed)
            {
                await _list.RunAsync();
            }
        }
    }

    public Task<LinkReview?> GetAsync(string videoId) => Task.FromResult(State.Reviews.GetValueOrDefault(videoId));

    public Task<IReadOnlyList<LinkReview>> ListAsync(LinkReviewStatus status, int limit) =>
        Task.FromResult<IReadOnlyList<LinkReview>>([.. LinkReviewOrder.Sort(State.Reviews.Values.Where(r => r.Status == status)).Take(limit)]);

    public async Task<LinkReview?> DecideAsync(string videoId, bool approve, string reviewerId, string? reason, DateTimeOffset at)
    {
        if (!State.Reviews.TryGetValue(videoId, out var review) || review.Status != LinkReviewStatus.Pending)
        {
            return null;
        }

        var decided = review with { Status = approve ? LinkReviewStatus.Approved : LinkReviewStatus.Rejected, ReviewerId = reviewerId, Reason = reason, DecidedAt = at };
        State.Reviews[videoId] = decided;
        await _state.WriteOrDropActivationAsync(this);
        return decided;
    }

    private async Task ListInDirectoryAsync()
    {
        await GrainFactory.GetGrain<ILinkReviewDirectoryGrain>(ILinkReviewDirectoryGrain.Key).AddTitleAsync(this.GetPrimaryKeyString());
        State.Listed = true;
        await _state.WriteStateAsync();
    }
}
