using Spotlight.GrainInterfaces.Titles;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Titles;

public sealed class TitleTermIndexGrain(
    [PersistentState("title-term-index", StorageNames.Default)] IPersistentState<TitleIdSetState> state) : TitleIdSetGrain(state), ITitleTermIndexGrain
{
    public Task AddAsync(string titleId) => AddIdAsync(titleId);

    public Task<IReadOnlyList<string>> GetTitlesAsync() => SortedIdsAsync();
}
