using System.Collections.Concurrent;
using Spotlight.GrainInterfaces.Videos;

namespace Spotlight.ClientApi.Endpoints;

/// <summary>
/// Which videos exist, and the track each uses, cached in this API process. Videos are never deleted and
/// their track never changes, so a positive answer can be kept; a miss asks the video grain each time
/// (the video may be registered a moment later). Bounded, so a flood of distinct ids cannot grow it forever.
/// </summary>
public sealed class KnownVideos(IGrainFactory grains)
{
    public const int Capacity = 1_000_000;

    private readonly ConcurrentDictionary<string, VideoInfo> _known = new(StringComparer.Ordinal);

    public sealed record VideoInfo(string? TrackId);

    public async Task<IReadOnlyDictionary<string, VideoInfo>> ResolveAsync(IEnumerable<string> videoIds)
    {
        var found = new Dictionary<string, VideoInfo>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var id in videoIds.Distinct(StringComparer.Ordinal))
        {
            if (_known.TryGetValue(id, out var info))
            {
                found[id] = info;
            }
            else
            {
                misses.Add(id);
            }
        }

        var looked = await Task.WhenAll(misses.Select(async id => (Id: id, Video: await grains.GetGrain<IVideoGrain>(id).GetAsync())));
        foreach (var (id, video) in looked)
        {
            if (video is null)
            {
                continue;
            }

            var info = new VideoInfo(video.TrackId);
            found[id] = info;
            if (_known.Count < Capacity)
            {
                _known.TryAdd(id, info);
            }
        }

        return found;
    }
}
