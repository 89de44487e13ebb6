namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A where-to-watch entry as a studio sends it (unchecked; <c>kind</c> as text).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.WatchOptionPlan")]
public sealed record WatchOptionPlan(
    [property: Id(0)] string? Provider,
    [property: Id(1)] string? Kind,
    [property: Id(2)] string? Url,
    [property: Id(3)] IReadOnlyList<string?>? Regions);
