namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>What the season list shows of a season: enough to find it and to tell open from upcoming and
/// closed, without asking every season grain.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.SeasonListing")]
public sealed record SeasonListing(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Regions,
    [property: Id(3)] DateTimeOffset OpensAt,
    [property: Id(4)] DateTimeOffset ClosesAt,
    [property: Id(5)] bool FinalClosed);
