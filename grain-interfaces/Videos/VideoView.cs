namespace Spotlight.GrainInterfaces.Videos;

/// <summary>Everything a video's page shows, in one answer: the video with its counters, its and its creator's
/// latest policy decisions, its anchor link, and its eligibility for every title it matches.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Videos.VideoView")]
public sealed record VideoView(
    [property: Id(0)] VideoDetails Video,
    [property: Id(1)] PolicyDecision? Policy,
    [property: Id(2)] PolicyDecision? CreatorPolicy,
    [property: Id(3)] string? AnchorLink,
    [property: Id(4)] IReadOnlyList<TitleEligibility> Eligibility);
