namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>What the winners ranked <see cref="FromRank"/>..<see cref="ToRank"/> of the final round receive.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.Prize")]
public sealed record Prize(
    [property: Id(0)] int FromRank,
    [property: Id(1)] int ToRank,
    [property: Id(2)] string Description);
