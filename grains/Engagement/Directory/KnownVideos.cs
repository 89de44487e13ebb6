using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Spotlight.Domain;

namespace Spotlight.Grains.Engagement.Directory;

/// <summary>
/// Which videos exist, with their track and log partition, cached in each silo for ingestion: a video is
/// never deleted and never changes its track, so a positive answer is kept. Misses are asked of the
/// directory, once per batch for all of the batch's misses (a video may be registered a moment later).
/// Bounded, so a flood of distinct ids cannot grow it forever.
/// </summary>
public sealed class KnownVideos(IVideoDirectory directory, IOptions<EngagementOptions> options)
{
    public const int Capacity = 2_000_000;

    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.Ordinal);

    /// <summary>A known video's track, whether that track names a season, and the video's log partition.</summary>
    public readonly record struct Known(string? TrackId, bool TrackInSeason, int Partition);

    public bool TryGet(string videoId, out Known known) => _known.TryGetValue(videoId, out known);

    /// <summary>Asks the directory for videos not known here; answers those that exist (and keeps them).</summary>
    public async Task<IReadOnlyDictionary<string, Known>> ResolveAsync(IReadOnlyCollection<string> misses, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Known>(StringComparer.Ordinal);
        foreach (var (id, entry) in await directory.ResolveAsync(misses, cancellationToken))
        {
            var known = new Known(entry.TrackId, entry.TrackInSeason, EngagementPartitions.Of(id, entry.TrackId, options.Value.Partitions));
            found[id] = known;
            if (_known.Count < Capacity)
            {
                _known.TryAdd(id, known);
            }
        }

        return found;
    }
}
