using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Videos;

[GenerateSerializer, Immutable, Alias("Spotlight.Videos.VideoDetails")]
public sealed record VideoDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] long CreatorFollowers,
    [property: Id(3)] string? TrackId,
    [property: Id(4)] IReadOnlyList<string> Hashtags,
    [property: Id(5)] string Caption,
    [property: Id(6)] IReadOnlyList<string> VisualTags,
    [property: Id(7)] DateTimeOffset RegisteredAt,
    [property: Id(8)] EngagementCounters Counters);
