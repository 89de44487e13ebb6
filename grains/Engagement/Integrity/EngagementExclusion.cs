namespace Spotlight.Grains.Engagement.Integrity;

/// <summary>A video's engagement in the minutes [<see cref="FirstMinute"/>, <see cref="EndMinute"/>) that one
/// follower (a round) no longer counts for the video's track, including events that arrive later. The track is
/// the video's own (a video has one); stores read the video's minutes through it.</summary>
public sealed record EngagementExclusion(string TrackId, string VideoId, long FirstMinute, long EndMinute);
