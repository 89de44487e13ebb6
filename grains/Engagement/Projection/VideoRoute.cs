using Spotlight.Grains.Engagement.Directory;

namespace Spotlight.Grains.Engagement.Projection;

/// <summary>Where a video's engagement counts beyond its own counters: its directory entry (track,
/// creator, hashtags, anchor link) and the titles it matches as of <see cref="IndexVersion"/>.</summary>
public sealed record VideoRoute(VideoEntry Entry, string[] MatchingTitles, long IndexVersion);
