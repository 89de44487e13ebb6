namespace Spotlight.GrainInterfaces.Titles.Alerts;

/// <summary>A studio's trend alert on one title: it fires at most once per window of <see cref="WindowMinutes"/>
/// (windows aligned to UTC midnight), when its kind's condition holds over the window's engagement.
/// <see cref="Factor"/> is used by <see cref="AlertKind.HashtagRising"/> only.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.AlertRule")]
public sealed record AlertRule(
    [property: Id(0)] string Id,
    [property: Id(1)] string TitleId,
    [property: Id(2)] AlertKind Kind,
    [property: Id(3)] long Threshold,
    [property: Id(4)] int WindowMinutes,
    [property: Id(5)] decimal Factor,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset CreatedAt);
