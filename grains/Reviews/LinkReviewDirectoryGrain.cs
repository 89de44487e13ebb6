using Spotlight.GrainInterfaces.Reviews;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Reviews;

public sealed class LinkReviewDirectoryGrain(
    [PersistentState("link-review-directory", StorageNames.Default)] IPersistentState<LinkReviewDirectoryState> state) : Grain, ILinkReviewDirectoryGrain
{
    public async Task AddTitleAsync(string titleId)
    {
        if (state.State.TitleIds.Add(titleId))
        {
            await state.WriteOrDropActivationAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> GetTitlesAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.TitleIds.Order(StringComparer.Ordinal)]);
}
