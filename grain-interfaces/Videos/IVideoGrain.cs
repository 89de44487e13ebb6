using Spotlight.GrainInterfaces.Analytics;
using Spotlight.GrainInterfaces.Engagement;
using Spotlight.GrainInterfaces;

namespace Spotlight.GrainInterfaces.Videos;

/// <summary>A video, keyed by video id: creator, track used, engagement counters.</summary>
[Alias("Spotlight.Videos.IVideoGrain")]
public interface IVideoGrain : IGrainWithStringKey
{
    [Alias("RegisterAsync")]
    Task<CommandResult<VideoRegisterOutcome, VideoDetails>> RegisterAsync(RegisterVideoCommand command);

    [Alias("GetAsync")]
    Task<VideoDetails?> GetAsync();

    /// <summary>Adds the counts of a range of slices. Returns null when the range was applied or had been
    /// before; returns the grain's applied position, changing nothing, when the range overlaps it: the
    /// caller then sends the counts of the slices after that position.</summary>
    [Alias("ApplyEngagementAsync")]
    Task<SlicePosition?> ApplyEngagementAsync(SliceRange range, EngagementCounters counts);

    /// <summary>Records a policy decision (the latest decides); false when no video has this id.</summary>
    [Alias("SetPolicyAsync")]
    Task<bool> SetPolicyAsync(PolicyDecision policy);

    /// <summary>The latest policy decision, or null when none was made.</summary>
    [Alias("GetPolicyAsync")]
    Task<PolicyDecision?> GetPolicyAsync();

    /// <summary>Sets the anchor link after a reviewer approved it (idempotent for the same title). Called by
    /// the video's creator grain, which checks the creator's standing first.</summary>
    [Alias("LinkAsync")]
    Task<LinkOutcome> LinkAsync(string titleId);

    /// <summary>Removes the anchor link, if any (its creator has a policy violation).</summary>
    [Alias("UnlinkAsync")]
    Task UnlinkAsync();

    /// <summary>The title the video links to, or null.</summary>
    [Alias("GetAnchorLinkAsync")]
    Task<string?> GetAnchorLinkAsync();

    /// <summary>Where the video's engagement counts in title analytics; null when no video has this id.</summary>
    [Alias("GetAnalyticsRouteAsync")]
    Task<VideoRoute?> GetAnalyticsRouteAsync();
}
