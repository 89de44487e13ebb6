namespace Spotlight.GrainInterfaces.Titles;

[GenerateSerializer, Immutable, Alias("Spotlight.Titles.SocialLink")]
public sealed record SocialLink([property: Id(0)] string? Platform, [property: Id(1)] string? Url);
