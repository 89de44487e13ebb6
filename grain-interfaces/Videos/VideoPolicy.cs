namespace Spotlight.GrainInterfaces.Videos;

/// <summary>A reviewer's policy decision on a video: a violation blocks anchor links until <c>ok</c>.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Videos.VideoPolicy")]
public sealed record VideoPolicy(
    [property: Id(0)] bool Violation,
    [property: Id(1)] string? Reason,
    [property: Id(2)] string ReviewerId,
    [property: Id(3)] DateTimeOffset At);
