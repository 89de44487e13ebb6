using Orleans.Concurrency;

namespace Spotlight.GrainInterfaces.Titles;

/// <summary>
/// Every title, for browsing and search (one grain, key 0). A title's hub lists it once created (as owed
/// work, so a crash cannot lose it) and reports its engagement as it changes, a few seconds apart at most.
/// </summary>
[Alias("Spotlight.Titles.ITitleCatalogGrain")]
public interface ITitleCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces the title's listing (idempotent).</summary>
    [Alias("PutAsync")]
    Task PutAsync(TitleListing listing);

    /// <summary>The title's engagement now, and what it gained per hour lately (<c>TrendingWindow</c>);
    /// ignored for a title not listed yet.</summary>
    [Alias("SetEngagementAsync")]
    Task SetEngagementAsync(string titleId, long engagement, IReadOnlyDictionary<long, long> recentHours);

    /// <summary>Titles whose name, hashtags or cast contain <paramref name="query"/> (all when null), of
    /// <paramref name="kind"/> (all when null), in <paramref name="order"/>, a page at a time.</summary>
    [ReadOnly, Alias("SearchAsync")]
    Task<TitlePage> SearchAsync(string? query, TitleKind? kind, TitleOrder order, string? cursor, int limit);
}
