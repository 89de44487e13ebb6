namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A round's ranking as read: the top rows and, when asked, one track's row with its neighbours
/// (<see cref="Around"/> is empty when that track is not in the round).</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.Leaderboard")]
public sealed record Leaderboard(
    [property: Id(0)] int Round,
    [property: Id(1)] RoundState State,
    [property: Id(2)] int Entries,
    [property: Id(3)] long MaxPopularity,
    [property: Id(4)] IReadOnlyList<LeaderboardRow> Rows,
    [property: Id(5)] IReadOnlyList<LeaderboardRow>? Around);
