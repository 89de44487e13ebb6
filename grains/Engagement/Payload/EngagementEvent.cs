using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.Grains.Engagement.Payload;

/// <summary>One event of a log entry: indices into the entry's video and track tables (track -1: the video
/// uses none), what happened, how often, and when (Unix seconds).</summary>
public readonly record struct EngagementEvent(int Video, int Track, EngagementKind Kind, int Count, long AtSeconds)
{
    /// <summary>The minute of event time (counted from the Unix epoch, floor for times before it).</summary>
    public long Minute => AtSeconds >= 0 ? AtSeconds / 60 : ((AtSeconds + 1) / 60) - 1;
}
