namespace Spotlight.GrainInterfaces.Seasons;

[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.CreateSeasonCommand")]
public sealed record CreateSeasonCommand(
    [property: Id(0)] string? Name,
    [property: Id(1)] IReadOnlyList<string?>? Regions,
    [property: Id(2)] IReadOnlyList<string?>? Partners,
    [property: Id(3)] IReadOnlyList<RoundPlan?>? Rounds,
    [property: Id(4)] int? Winners,
    [property: Id(5)] IReadOnlyList<Prize?>? Prizes,
    [property: Id(6)] string CreatedBy);
