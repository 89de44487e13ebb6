using Spotlight.GrainInterfaces.Studios;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Studios;

public sealed class StudioTitlesGrain(
    [PersistentState("studio-titles", StorageNames.Default)] IPersistentState<StudioTitlesState> state) : Grain, IStudioTitlesGrain
{
    public async Task AddAsync(string titleId)
    {
        if (state.State.TitleIds.Add(titleId))
        {
            await state.WriteOrDropActivationAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> GetAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.TitleIds.Order(StringComparer.Ordinal)]);
}
