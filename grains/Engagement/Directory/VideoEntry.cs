namespace Spotlight.Grains.Engagement.Directory;

/// <summary>What the engagement pipeline knows of a video: its track (for track popularity), creator and
/// terms (for title matching), and the title its anchor link points to. Written by the video grain.</summary>
public sealed record VideoEntry(
    string VideoId,
    string? TrackId,
    string CreatorId,
    long CreatorFollowers,
    IReadOnlyList<string> Hashtags,
    string Caption,
    IReadOnlyList<string> VisualTags,
    string? AnchorLink);
