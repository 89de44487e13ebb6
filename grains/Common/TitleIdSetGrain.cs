namespace Spotlight.Grains.Common;

/// <summary>
/// A persistent set of title ids, the shape of several small lookup grains (titles under a term, titles that
/// have link reviews, a studio's titles): adding is idempotent and writes only when the set grows; reads are
/// in id order. Each subclass keeps its own interface and state name.
/// </summary>
public abstract class TitleIdSetGrain(IPersistentState<TitleIdSetState> state) : Grain
{
    protected async Task AddIdAsync(string titleId)
    {
        if (state.State.TitleIds.Add(titleId))
        {
            await state.WriteOrDropActivationAsync(this);
        }
    }

    protected Task<IReadOnlyList<string>> SortedIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.TitleIds.Order(StringComparer.Ordinal)]);
}

[GenerateSerializer, Alias("Spotlight.Common.TitleIdSetState")]
public sealed class TitleIdSetState
{
    [Id(0)]
    public HashSet<string> TitleIds { get; set; } = [];
}
