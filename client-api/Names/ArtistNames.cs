using Microsoft.Extensions.Caching.Memory;
using Spotlight.Domain;
using Spotlight.GrainInterfaces.Artists;

namespace Spotlight.ClientApi.Names;

/// <summary>An artist as a ranked row shows it: the name and the verified badge.</summary>
public sealed record ArtistName(string DisplayName, bool Verified);

/// <summary>
/// Artists' names for rows that carry only their ids (leaderboards, results), joined here so that one request
/// serves a page. Names are kept for <see cref="Freshness"/>: a live leaderboard sends its rows a few times a
/// second, and asking every row's artist each time would cost more than the ranking; a badge given meanwhile
/// shows within that time.
/// </summary>
public sealed class ArtistNames(IGrainFactory grains, IMemoryCache cache)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    /// <summary>Artist grains asked at once for the misses of one page.</summary>
    private const int ParallelArtists = 32;

    /// <summary>The names of the given artists; an artist without a profile is left out.</summary>
    public async Task<IReadOnlyDictionary<string, ArtistName>> OfAsync(IEnumerable<string> artistIds)
    {
        var names = new Dictionary<string, ArtistName>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var id in artistIds.Distinct(StringComparer.Ordinal))
        {
            if (cache.TryGetValue(Key(id), out ArtistName? name) && name is not null)
            {
                names[id] = name;
            }
            else
            {
                misses.Add(id);
            }
        }

        var profiles = await GrainCalls.InBatchesAsync(misses, ParallelArtists, id => grains.GetGrain<IArtistGrain>(id).GetAsync());
        foreach (var (id, profile) in profiles)
        {
            if (profile is not null)
            {
                names[id] = cache.Set(Key(id), new ArtistName(profile.DisplayName, profile.Verified),
                    new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Freshness, Size = 1 });
            }
        }

        return names;
    }

    private static string Key(string artistId) => "artist-name:" + artistId;
}
