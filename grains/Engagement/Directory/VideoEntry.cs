namespace Spotlight.Grains.Engagement.Directory;

/// <summary>What the engagement pipeline knows of a video: its track (for track popularity) and whether that
/// track names a season (only then are the video's minutes kept, for rounds' flags and exclusions; a track's
/// season is fixed when it is submitted), creator and terms (for title matching), and the title its anchor
/// link points to. Written by the video grain.</summary>
public sealed record VideoEntry(
    string VideoId,
    string? TrackId,
    string CreatorId,
    long CreatorFollowers,
    IReadOnlyList<string> Hashtags,
    string Caption,
    IReadOnlyList<string> VisualTags,
    string? AnchorLink,
    bool TrackInSeason = true);
