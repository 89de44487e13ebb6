using System.ComponentModel.DataAnnotations;

namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A where-to-watch entry as a studio sends it (unchecked; <c>kind</c> as text).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.WatchOptionPlan")]
public sealed record WatchOptionPlan(
    [property: Id(0)] string? Provider,
    [property: Id(1), AllowedValues("stream", "rent", "buy", "tickets")] string? Kind,
    [property: Id(2)] string? Url,
    [property: Id(3)] IReadOnlyList<string?>? Regions);
