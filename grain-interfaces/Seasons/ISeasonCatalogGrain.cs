using Orleans.Concurrency;

namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>
/// Every season, as its season grain last listed it (one grain, key 0: seasons are few, a handful a year).
/// A season grain lists itself when created and when its final round closes, and again on activation if
/// that was owed, so the list converges without the creating request waiting on it.
/// </summary>
[Alias("Spotlight.Seasons.ISeasonCatalogGrain")]
public interface ISeasonCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces the season's listing (idempotent).</summary>
    [Alias("PutAsync")]
    Task PutAsync(SeasonListing listing);

    [ReadOnly, Alias("ListAsync")]
    Task<IReadOnlyList<SeasonListing>> ListAsync();
}
