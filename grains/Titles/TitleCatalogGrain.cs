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
    [PersistentState("titleCatalog", StorageNames.Default)] IPersistentState<TitleCatalogState> state,
    TimeProvider clock) : Grain, ITitleCatalogGrain
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

    public Task SetEngagementAsync(string titleId, long engagement, IReadOnlyDictionary<long, long> recentHours)
    {
        if (state.State.Titles.TryGetValue(titleId, out var known))
        {
            state.State.Titles[titleId] = known with { Engagement = engagement };
            state.State.RecentHours[titleId] = new Dictionary<long, long>(recentHours);
            _engagementBehind = true;
        }

        return Task.CompletedTask;
    }

    /// <summary>Trending figures are worked out here, at the time of the search, so that a title nobody visits
    /// any more falls out of them without its hub having to say so.</summary>
    public Task<TitlePage> SearchAsync(string? query, TitleKind? kind, TitleOrder order, string? cursor, int limit)
    {
        var now = clock.GetUtcNow();
        var titles = state.State.Titles.Values.Select(t => state.State.RecentHours.TryGetValue(t.Id, out var hours)
            ? t with { Trending = TrendingWindow.Sum(hours, now) }
            : t);
        return Task.FromResult(TitleBrowsing.Page(titles, query, kind, order, cursor, limit));
    }

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

    /// <summary>Per title, what it gained per hour lately, as its hub last reported it.</summary>
    [Id(1)]
    public Dictionary<string, Dictionary<long, long>> RecentHours { get; set; } = new(StringComparer.Ordinal);
}
