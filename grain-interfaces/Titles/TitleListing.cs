namespace Spotlight.GrainInterfaces.Titles;

/// <summary>What the title list searches and shows of a title: its names, how engaged it is (hub visits plus
/// the views of the fan videos linked to it, as its hub last reported them) and how much of that it gained in
/// the last day (<see cref="Trending"/>, worked out when the list is read).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.TitleListing")]
public sealed record TitleListing(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] TitleKind Kind,
    [property: Id(3)] IReadOnlyList<string> Hashtags,
    [property: Id(4)] IReadOnlyList<string> CastNames,
    [property: Id(5)] long Engagement,
    [property: Id(6)] long Trending = 0);
