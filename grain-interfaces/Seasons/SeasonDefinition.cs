namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A season as created: who takes part, and its rounds in order (the last is the final).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.SeasonDefinition")]
public sealed record SeasonDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Regions,
    [property: Id(3)] IReadOnlyList<string> Partners,
    [property: Id(4)] IReadOnlyList<RoundSchedule> Rounds,
    [property: Id(5)] IReadOnlyList<Prize> Prizes,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string CreatedBy)
{
    public int Winners => Rounds[^1].Advance;
}
