namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A season at the moment it was read: each round's state, its judges, and the winners once the
/// final round closed.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.SeasonView")]
public sealed record SeasonView(
    [property: Id(0)] SeasonDefinition Season,
    [property: Id(1)] IReadOnlyList<RoundState> RoundStates,
    [property: Id(2)] IReadOnlyList<string> Judges,
    [property: Id(3)] IReadOnlyList<string> WinnerTrackIds);
