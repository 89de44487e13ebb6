using Spotlight.GrainInterfaces;

namespace Spotlight.GrainInterfaces.Videos;

/// <summary>A video, keyed by video id: creator, track used, policy and link state; its counters come from
/// the engagement store.</summary>
[Alias("Spotlight.Videos.IVideoGrain")]
public interface IVideoGrain : IGrainWithStringKey
{
    [Alias("RegisterAsync")]
    Task<CommandResult<VideoRegisterOutcome, VideoDetails>> RegisterAsync(RegisterVideoCommand command);

    [Alias("GetAsync")]
    Task<VideoDetails?> GetAsync();

    /// <summary>The video as its page shows it (<see cref="VideoView"/>), or null when no video has this id.
    /// Matching titles are looked up afresh, so a title created a moment ago is listed.</summary>
    [Alias("GetViewAsync")]
    Task<VideoView?> GetViewAsync();

    /// <summary>Something that decides eligibility changed outside the video: its projector saw its views reach
    /// the <c>minViews</c> of a title it matches, or its creator's violation was lifted. The video checks its
    /// eligibility and queues the link reviews it now qualifies for (idempotent).</summary>
    [Alias("CheckEligibilityAsync")]
    Task CheckEligibilityAsync();

    /// <summary>Records a policy decision (the latest decides); false when no video has this id.</summary>
    [Alias("SetPolicyAsync")]
    Task<bool> SetPolicyAsync(PolicyDecision policy);

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
}
