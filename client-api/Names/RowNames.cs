using Microsoft.Extensions.Caching.Memory;
using Spotlight.Domain;
using Spotlight.GrainInterfaces.Artists;
using Spotlight.GrainInterfaces.Titles;
using Spotlight.GrainInterfaces.Tracks;
using Spotlight.GrainInterfaces.Videos;

namespace Spotlight.ClientApi.Names;

/// <summary>An artist as a row shows it: the name and the verified badge.</summary>
public sealed record ArtistName(string DisplayName, bool Verified);

/// <summary>The artists and tracks of a page of track rows, read once for the whole page.</summary>
public sealed record RowJoin(IReadOnlyDictionary<string, ArtistName> Artists, IReadOnlyDictionary<string, string> Audio)
{
    public ArtistName? Artist(string artistId) => Artists.GetValueOrDefault(artistId);

    public string? AudioOf(string trackId) => Audio.GetValueOrDefault(trackId);
}

/// <summary>
/// What rows that carry only ids need to show people (artists' names and badges, tracks' audio addresses,
/// titles' names, videos' captions), joined here so that one request serves a page. Each is kept for
/// <see cref="Freshness"/>: a live leaderboard sends its rows a few times a second, and asking every row's
/// grains each time would cost more than the ranking; a badge given or a name changed meanwhile shows
/// within that time.
/// </summary>
public sealed class RowNames(IGrainFactory grains, IMemoryCache cache)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    /// <summary>Grains asked at once for the misses of one page.</summary>
    private const int ParallelReads = 32;

    /// <summary>The artists' names and the tracks' audio addresses of track rows, read at once.</summary>
    public async Task<RowJoin> JoinAsync<TRow>(IReadOnlyCollection<TRow> rows, Func<TRow, string> artistId, Func<TRow, string> trackId)
    {
        var artists = ArtistsAsync(rows.Select(artistId));
        var audio = AudioAsync(rows.Select(trackId));
        return new RowJoin(await artists, await audio);
    }

    /// <summary>The names of the given artists; an artist without a profile is left out.</summary>
    public Task<IReadOnlyDictionary<string, ArtistName>> ArtistsAsync(IEnumerable<string> artistIds) =>
        OfAsync("artist", artistIds, async id => await grains.GetGrain<IArtistGrain>(id).GetAsync() is { } p ? new ArtistName(p.DisplayName, p.Verified) : null);

    /// <summary>The audio addresses of the given tracks.</summary>
    public Task<IReadOnlyDictionary<string, string>> AudioAsync(IEnumerable<string> trackIds) =>
        OfAsync("audio", trackIds, async id => (await grains.GetGrain<ITrackGrain>(id).GetAsync())?.AudioUrl);

    /// <summary>The names of the given titles.</summary>
    public Task<IReadOnlyDictionary<string, string>> TitlesAsync(IEnumerable<string> titleIds) =>
        OfAsync("title", titleIds, async id => (await grains.GetGrain<ITitleHubGrain>(id).GetAsync())?.Name);

    /// <summary>The captions of the given videos.</summary>
    public Task<IReadOnlyDictionary<string, string>> CaptionsAsync(IEnumerable<string> videoIds) =>
        OfAsync("caption", videoIds, async id => (await grains.GetGrain<IVideoGrain>(id).GetAsync())?.Caption);

    private async Task<IReadOnlyDictionary<string, T>> OfAsync<T>(string kind, IEnumerable<string> ids, Func<string, Task<T?>> read)
        where T : class
    {
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (cache.TryGetValue((kind, id), out T? value) && value is not null)
            {
                found[id] = value;
            }
            else
            {
                misses.Add(id);
            }
        }

        foreach (var (id, value) in await GrainCalls.InBatchesAsync(misses, ParallelReads, read))
        {
            if (value is not null)
            {
                found[id] = cache.Set((kind, id), value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Freshness, Size = 1 });
            }
        }

        return found;
    }
}
