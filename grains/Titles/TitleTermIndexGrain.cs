using Spotlight.GrainInterfaces.Titles;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Titles;

public sealed class TitleTermIndexGrain(
    [PersistentState("title-term-index", StorageNames.Default)] IPersistentState<TitleTermIndexState> state) : Grain, ITitleTermIndexGrain
{
    public async Task AddAsync(string titleId)
    {
        if (state.State.TitleIds.Add(titleId))
        {
            await state.WriteOrDropActivationAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> GetTitlesAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.TitleIds.Order(StringComparer.Ordinal)]);
}
