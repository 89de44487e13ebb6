namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A round as the season settled it: window, how many go on (winners, for the final), weights.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.RoundSchedule")]
public sealed record RoundSchedule(
    [property: Id(0)] string SeasonId,
    [property: Id(1)] int Number,
    [property: Id(2)] string Name,
    [property: Id(3)] DateTimeOffset OpensAt,
    [property: Id(4)] DateTimeOffset ClosesAt,
    [property: Id(5)] int Advance,
    [property: Id(6)] decimal PopularityWeight,
    [property: Id(7)] decimal JudgeWeight,
    [property: Id(8)] bool IsFinal,
    [property: Id(9)] IReadOnlyList<Prize> Prizes)
{
    /// <summary>The round grain's key: <c>{seasonId}/{number}</c>.</summary>
    public string Key => RoundKeys.Of(SeasonId, Number);
}
