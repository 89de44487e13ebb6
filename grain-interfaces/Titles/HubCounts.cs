namespace Spotlight.GrainInterfaces.Titles;

/// <summary>Hub visits and click-throughs per provider.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.HubCounts")]
public sealed record HubCounts(
    [property: Id(0)] long Visits,
    [property: Id(1)] IReadOnlyDictionary<string, long> ClicksByProvider);
