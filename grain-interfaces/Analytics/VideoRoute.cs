namespace Spotlight.GrainInterfaces.Analytics;

/// <summary>Where a video's engagement counts in title analytics: the titles it matches, the one it links
/// to, its creator and hashtags.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Analytics.VideoRoute")]
public sealed record VideoRoute(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] IReadOnlyList<string> Hashtags,
    [property: Id(3)] IReadOnlyList<string> MatchingTitles,
    [property: Id(4)] string? AnchorLink);
