namespace Spotlight.Domain.Integrity;

public enum FlagReason
{
    /// <summary>Views jumped far above the video's own recent rate while people barely interacted.</summary>
    RateJump,

    /// <summary>Most of the video's views fell within a few minutes.</summary>
    Concentrated,

    /// <summary>The video's creator has a policy violation on record.</summary>
    CreatorViolation,
}

/// <summary>Why a round entry's video looks manufactured, with the figures that say so, for a reviewer to judge.</summary>
public sealed record EngagementFlag(string VideoId, FlagReason Reason, DateTimeOffset From, DateTimeOffset To, string Evidence);
