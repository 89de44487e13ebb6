using System.ComponentModel.DataAnnotations;

namespace Spotlight.GrainInterfaces.Titles;

/// <summary>A campaign reward as a studio sends it (unchecked; <c>kind</c> as text).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.RewardPlan")]
public sealed record RewardPlan(
    [property: Id(0), Required, AllowedValues("frame", "filter", "merch", "tickets")] string? Kind,
    [property: Id(1), Required] string? Description,
    [property: Id(2), Required] long? Quantity);
