using System.ComponentModel.DataAnnotations;

namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A where-to-watch entry as a studio sends it (unchecked; <c>kind</c> as text).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.WatchOptionPlan")]
public sealed record WatchOptionPlan(
    [property: Id(0), Required] string? Provider,
    [property: Id(1), Required, AllowedValues("stream", "rent", "buy", "tickets")] string? Kind,
    [property: Id(2), Required] string? Url,
    [property: Id(3), Required] IReadOnlyList<string?>? Regions);
