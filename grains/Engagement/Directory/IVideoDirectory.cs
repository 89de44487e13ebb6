namespace Spotlight.Grains.Engagement.Directory;

/// <summary>
/// The registered videos, for ingestion (is there such a video, which track does it use) and projection
/// (where its engagement counts), so neither asks a video grain per event. Each video grain writes its own
/// entry; in memory in embedded mode, a table in postgres mode.
/// </summary>
public interface IVideoDirectory
{
    /// <summary>Writes the entry (the video grain is its only writer, so a later write wins).</summary>
    Task RegisterAsync(VideoEntry entry, CancellationToken cancellationToken);

    Task SetAnchorLinkAsync(string videoId, string? titleId, CancellationToken cancellationToken);

    /// <summary>The entries of those videos that are registered.</summary>
    Task<IReadOnlyDictionary<string, VideoEntry>> ResolveAsync(IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken);
}
