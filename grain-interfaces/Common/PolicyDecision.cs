namespace Spotlight.GrainInterfaces;

/// <summary>A reviewer's policy decision on a video or a creator: a violation blocks anchor links until <c>ok</c>.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Common.PolicyDecision")]
public sealed record PolicyDecision(
    [property: Id(0)] bool Violation,
    [property: Id(1)] string? Reason,
    [property: Id(2)] string ReviewerId,
    [property: Id(3)] DateTimeOffset At);
