namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>What happened to a video. A use (a video made with a track) is counted when the video is
/// registered with a track, not posted as engagement.</summary>
[GenerateSerializer, Alias("Spotlight.Engagement.EngagementKind")]
public enum EngagementKind
{
    View = 0,
    Like = 1,
    Comment = 2,
    Share = 3,
}
