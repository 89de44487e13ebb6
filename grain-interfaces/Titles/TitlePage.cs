namespace Spotlight.GrainInterfaces.Titles;

/// <summary>One page of the title list, and the cursor of the next (null on the last page).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.TitlePage")]
public sealed record TitlePage([property: Id(0)] IReadOnlyList<TitleListing> Titles, [property: Id(1)] string? NextCursor);
