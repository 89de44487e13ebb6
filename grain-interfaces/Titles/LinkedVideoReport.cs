namespace Spotlight.GrainInterfaces.Titles;

/// <summary>What a video tells the title it links (or linked) to: its creator, its views so far, and whether
/// the link stands. Absolute values, so a report sent again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Titles.LinkedVideoReport")]
public sealed record LinkedVideoReport(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] long Views,
    [property: Id(3)] bool Linked);
