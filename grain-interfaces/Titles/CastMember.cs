using System.ComponentModel.DataAnnotations;

namespace Spotlight.GrainInterfaces.Titles;

[GenerateSerializer, Immutable, Alias("Spotlight.Titles.CastMember")]
public sealed record CastMember([property: Id(0), Required] string? Name, [property: Id(1), Required] string? Role);
