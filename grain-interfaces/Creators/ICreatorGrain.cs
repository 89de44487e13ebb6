using Orleans.Concurrency;
using Spotlight.GrainInterfaces.Videos;

namespace Spotlight.GrainInterfaces.Creators;

/// <summary>
/// A creator (key: creator id, the creator's token subject): policy standing and the videos it has linked.
/// Every anchor link is set through here, so a creator's violation reaches each linked video; calls go from
/// the creator to its videos, never back and waited for, except for the policy read, which interleaves.
/// </summary>
[Alias("Spotlight.Creators.ICreatorGrain")]
public interface ICreatorGrain : IGrainWithStringKey
{
    /// <summary>The latest policy decision, or null when none was made. Read-only, so it interleaves: a video
    /// may ask while the creator is calling that video.</summary>
    [AlwaysInterleave, Alias("GetPolicyAsync")]
    Task<PolicyDecision?> GetPolicyAsync();

    /// <summary>Records a policy decision (the latest decides). A violation removes the anchor link of every
    /// linked video of the creator before this returns; <c>ok</c> restores none of them.</summary>
    [Alias("SetPolicyAsync")]
    Task SetPolicyAsync(PolicyDecision policy);

    /// <summary>A video of the creator found titles it qualifies for while the creator is in violation: once the
    /// violation is lifted, the creator asks it to check its eligibility again (at once, if it already is).
    /// One-way, so that a video may send it while the creator is calling that video.</summary>
    [OneWay, Alias("WatchBlockedVideoAsync")]
    Task WatchBlockedVideoAsync(string videoId);

    /// <summary>Sets a video's anchor link after a reviewer approved it, unless the creator has a violation.</summary>
    [Alias("LinkVideoAsync")]
    Task<LinkOutcome> LinkVideoAsync(string videoId, string titleId);
}
