namespace Spotlight.GrainInterfaces.Videos;

[GenerateSerializer, Immutable, Alias("Spotlight.Videos.RegisterVideoCommand")]
public sealed record RegisterVideoCommand(
    [property: Id(0)] string CreatorId,
    [property: Id(1)] long CreatorFollowers,
    [property: Id(2)] string? TrackId,
    [property: Id(3)] IReadOnlyList<string> Hashtags,
    [property: Id(4)] string Caption,
    [property: Id(5)] IReadOnlyList<string> VisualTags);
