namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>What happened to a video. <see cref="Use"/> (a video made with a track) is never posted by
/// clients: the video publishes it once when it is registered with a track.</summary>
[GenerateSerializer, Alias("Spotlight.Engagement.EngagementKind")]
public enum EngagementKind
{
    View = 0,
    Like = 1,
    Comment = 2,
    Share = 3,
    Use = 4,
}
