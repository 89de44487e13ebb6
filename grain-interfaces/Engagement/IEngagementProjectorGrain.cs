using Orleans.Concurrency;

namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>The consumer of one engagement partition (key: the partition's stream key, <c>p0</c>…): it
/// applies each delivery to the engagement store in one commit and then tells the grains that show it.</summary>
[Alias("Spotlight.Engagement.IEngagementProjectorGrain")]
public interface IEngagementProjectorGrain : IGrainWithStringKey
{
    /// <summary>A video's link changed: the projector reads its route again before counting it for titles.</summary>
    [AlwaysInterleave, Alias("ForgetRouteAsync")]
    Task ForgetRouteAsync(string videoId);
}
