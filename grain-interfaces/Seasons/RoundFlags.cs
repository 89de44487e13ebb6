namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A round's suspicious-engagement flags, computed from its entries' videos' engagement per minute up
/// to <see cref="EvaluatedTo"/>, with the exclusions already made.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.RoundFlags")]
public sealed record RoundFlags(
    [property: Id(0)] DateTimeOffset EvaluatedFrom,
    [property: Id(1)] DateTimeOffset EvaluatedTo,
    [property: Id(2)] int VideosJudged,
    [property: Id(3)] double MedianInteractionsPerView,
    [property: Id(4)] IReadOnlyList<RoundFlag> Flags,
    [property: Id(5)] bool Closed,
    [property: Id(6)] IReadOnlyList<RoundExclusion> Exclusions);

/// <summary>One flag: a video, why (<c>rate-jump</c>, <c>concentrated</c>, <c>creator-violation</c>), the span
/// it concerns, the figures that say so, and whether an exclusion already covers that span.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.RoundFlag")]
public sealed record RoundFlag(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string TrackId,
    [property: Id(2)] string TrackTitle,
    [property: Id(3)] string CreatorId,
    [property: Id(4)] string Reason,
    [property: Id(5)] DateTimeOffset From,
    [property: Id(6)] DateTimeOffset To,
    [property: Id(7)] string Evidence,
    [property: Id(8)] bool Excluded);
