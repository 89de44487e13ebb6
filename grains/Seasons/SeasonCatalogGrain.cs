using Spotlight.GrainInterfaces.Seasons;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Seasons;

public sealed class SeasonCatalogGrain(
    [PersistentState("seasonCatalog", StorageNames.Default)] IPersistentState<SeasonCatalogState> state) : Grain, ISeasonCatalogGrain
{
    public async Task PutAsync(SeasonListing listing)
    {
        if (state.State.Seasons.TryGetValue(listing.Id, out var known) && ListingsEqual(known, listing))
        {
            return;
        }

        state.State.Seasons[listing.Id] = listing;
        await state.WriteOrDropActivationAsync(this);
    }

    public Task<IReadOnlyList<SeasonListing>> ListAsync() => Task.FromResult<IReadOnlyList<SeasonListing>>([.. state.State.Seasons.Values]);

    // Records compare their lists by reference; a repeated listing carries equal lists, not the same ones.
    private static bool ListingsEqual(SeasonListing a, SeasonListing b) =>
        a.Id == b.Id && a.Name == b.Name && a.OpensAt == b.OpensAt && a.ClosesAt == b.ClosesAt && a.FinalClosed == b.FinalClosed
        && a.Regions.SequenceEqual(b.Regions, StringComparer.Ordinal);
}

[GenerateSerializer, Alias("Spotlight.Seasons.SeasonCatalogState")]
public sealed class SeasonCatalogState
{
    [Id(0)]
    public Dictionary<string, SeasonListing> Seasons { get; set; } = new(StringComparer.Ordinal);
}
