namespace Spotlight.GrainInterfaces.Titles.Alerts;

/// <summary>An alert that fired: the rule, the window it fired for (its start, UTC), what crossed the line
/// (the video or hashtag, when the kind names one) and the figure that did.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.AlertFiring")]
public sealed record AlertFiring(
    [property: Id(0)] string RuleId,
    [property: Id(1)] DateTimeOffset WindowStart,
    [property: Id(2)] string? Subject,
    [property: Id(3)] long Figure);
