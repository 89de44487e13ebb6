namespace Spotlight.Grains.Engagement.Directory;

/// <summary>What matching needs of a title: its terms (normalised as in <c>TitleDetails</c>) and link thresholds.</summary>
public sealed record TitleMatchTerms(
    string TitleId,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> VisualTags,
    long MinFollowers,
    long MinViews);
