namespace Spotlight.GrainInterfaces.Seasons;

/// <summary>A closed round's frozen ranking. <see cref="ClosedBy"/> is the admin's user id, or
/// <see cref="Schedule"/> when the round closed by itself at its closing time.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Seasons.RoundResults")]
public sealed record RoundResults(
    [property: Id(0)] int Round,
    [property: Id(1)] DateTimeOffset ClosedAt,
    [property: Id(2)] string ClosedBy,
    [property: Id(3)] bool IsFinal,
    [property: Id(4)] IReadOnlyList<ResultRow> Rows)
{
    public const string Schedule = "schedule";
}
