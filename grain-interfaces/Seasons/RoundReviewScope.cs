namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>What a round's integrity review looks at: its window, its entries, whether it has closed,
/// and the exclusions its reviewers made.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.RoundReviewScope")]
public sealed record RoundReviewScope(
    [property: Id(0)] DateTimeOffset OpensAt,
    [property: Id(1)] DateTimeOffset ClosesAt,
    [property: Id(2)] IReadOnlyList<RoundEntry> Entries,
    [property: Id(3)] bool Closed,
    [property: Id(4)] IReadOnlyList<RoundExclusion> Exclusions);
