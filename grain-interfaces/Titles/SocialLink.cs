using System.ComponentModel.DataAnnotations;

namespace Spotlight.GrainInterfaces.Titles;

[GenerateSerializer, Immutable, Alias("Spotlight.Titles.SocialLink")]
public sealed record SocialLink([property: Id(0), Required] string? Platform, [property: Id(1), Required] string? Url);
