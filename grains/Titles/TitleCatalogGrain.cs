using Spotlight.Domain;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.Grains.Common;

namespace Spotlight.Grains.Titles;

/// <summary>
/// The title list. Listings are stored when they change; engagement figures, which every active hub reports
/// every few seconds, are written at most every <see cref="EngagementWriteInterval"/> (a figure lost to a crash
/// comes again from its hub's next report).
/// </summary>
public sealed class TitleCatalogGrain(
    [PersistentState("titleCatalog", StorageNames.Default)] IPersistentState<TitleCatalogState> state) : Grain, ITitleCatalogGrain
{
    private static readonly TimeSpan EngagementWriteInterval = TimeSpan.FromSeconds(10);
    private bool _engagementBehind;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(WriteEngagementAsync, new GrainTimerCreationOptions(EngagementWriteInterval, EngagementWriteInterval));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteEngagementAsync();

    public async Task PutAsync(TitleListing listing)
    {
        var engagement = state.State.Titles.TryGetValue(listing.Id, out var known) ? Math.Max(known.Engagement, listing.Engagement) : listing.Engagement;
        state.State.Titles[listing.Id] = listing with { Engagement = engagement };
        await state.WriteOrDropActivationAsync(this);
    }

    public Task SetEngagementAsync(string titleId, long engagement)
    {
        if (state.State.Titles.TryGetValue(titleId, out var known) && known.Engagement != engagement)
        {
            state.State.Titles[titleId] = known with { Engagement = engagement };
            _engagementBehind = true;
        }

        return Task.CompletedTask;
    }

    public Task<TitlePage> SearchAsync(string? query, TitleKind? kind, string? cursor, int limit) =>
        Task.FromResult(TitleBrowsing.Page(state.State.Titles.Values, query, kind, cursor, limit));

    private async Task WriteEngagementAsync()
    {
        if (_engagementBehind)
        {
            _engagementBehind = false;
            await state.WriteStateAsync();
        }
    }
}

[GenerateSerializer, Alias("Spotlight.Titles.TitleCatalogState")]
public sealed class TitleCatalogState
{
    [Id(0)]
    public Dictionary<string, TitleListing> Titles { get; set; } = new(StringComparer.Ordinal);
}
