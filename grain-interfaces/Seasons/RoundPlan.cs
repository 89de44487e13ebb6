using System.ComponentModel.DataAnnotations;

namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A round as an admin asks for it; unset values take the season defaults.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.RoundPlan")]
public sealed record RoundPlan(
    [property: Id(0)] string? Name,
    [property: Id(1), Required] DateTimeOffset? OpensAt,
    [property: Id(2), Required] DateTimeOffset? ClosesAt,
    [property: Id(3)] int? Advance,
    [property: Id(4)] decimal? PopularityWeight,
    [property: Id(5)] decimal? JudgeWeight);
