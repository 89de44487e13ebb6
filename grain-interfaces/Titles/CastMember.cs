namespace Spotlight.GrainInterfaces.Titles;

[GenerateSerializer, Immutable, Alias("Spotlight.Titles.CastMember")]
public sealed record CastMember([property: Id(0)] string? Name, [property: Id(1)] string? Role);
