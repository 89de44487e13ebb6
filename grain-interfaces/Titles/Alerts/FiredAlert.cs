namespace Spotlight.GrainInterfaces.Titles.Alerts;

/// <summary>An alert as it was recorded when it fired: its place in the title's sequence of fired alerts
/// (it grows with every alert, so a reader asks for what came after the last it saw), the rule as it was, the
/// window's start and length, what crossed the line and the figure then, and when.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.FiredAlert")]
public sealed record FiredAlert(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string TitleId,
    [property: Id(2)] string RuleId,
    [property: Id(3)] AlertKind Kind,
    [property: Id(4)] DateTimeOffset WindowStart,
    [property: Id(5)] int WindowMinutes,
    [property: Id(6)] string? Subject,
    [property: Id(7)] long Figure,
    [property: Id(8)] DateTimeOffset FiredAt);
