using System.Collections.Concurrent;

namespace Spotlight.Grains.Engagement.Directory;

/// <summary>Embedded mode's video directory: a dictionary in this process.</summary>
public sealed class MemoryVideoDirectory : IVideoDirectory
{
    private readonly ConcurrentDictionary<string, VideoEntry> _entries = new(StringComparer.Ordinal);

    public Task RegisterAsync(VideoEntry entry, CancellationToken cancellationToken)
    {
        _entries[entry.VideoId] = entry;
        return Task.CompletedTask;
    }

    public Task SetAnchorLinkAsync(string videoId, string? titleId, CancellationToken cancellationToken)
    {
        _entries.AddOrUpdate(videoId, _ => throw new InvalidOperationException($"Video {videoId} has no directory entry."), (_, entry) => entry with { AnchorLink = titleId });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, VideoEntry>> ResolveAsync(IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, VideoEntry>(videoIds.Count, StringComparer.Ordinal);
        foreach (var id in videoIds)
        {
            if (_entries.TryGetValue(id, out var entry))
            {
                found[id] = entry;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, VideoEntry>>(found);
    }
}
