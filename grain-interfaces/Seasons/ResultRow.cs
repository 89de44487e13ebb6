namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A frozen row: advanced to the next round, or won the final (with its prize, if any).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.ResultRow")]
public sealed record ResultRow(
    [property: Id(0)] LeaderboardRow Row,
    [property: Id(1)] bool Advanced,
    [property: Id(2)] bool Winner,
    [property: Id(3)] string? Prize);
