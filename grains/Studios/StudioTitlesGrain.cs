using Spotlight.GrainInterfaces.Studios;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Studios;

public sealed class StudioTitlesGrain(
    [PersistentState("studio-titles", StorageNames.Default)] IPersistentState<TitleIdSetState> state) : TitleIdSetGrain(state), IStudioTitlesGrain
{
    public Task AddAsync(string titleId) => AddIdAsync(titleId);

    public Task<IReadOnlyList<string>> GetAsync() => SortedIdsAsync();
}
