using Spotlight.GrainInterfaces.Reviews;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Reviews;

public sealed class LinkReviewDirectoryGrain(
    [PersistentState("link-review-directory", StorageNames.Default)] IPersistentState<TitleIdSetState> state) : TitleIdSetGrain(state), ILinkReviewDirectoryGrain
{
    public Task AddTitleAsync(string titleId) => AddIdAsync(titleId);

    public Task<IReadOnlyList<string>> GetTitlesAsync() => SortedIdsAsync();
}
