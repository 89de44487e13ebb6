namespace Spotlight.GrainInterfaces.Engagement;

/// <summary>One accepted engagement event, with the video's track resolved at ingestion (a video's track
/// never changes), so that consumers need not ask the video.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Engagement.EngagementRecord")]
public sealed record EngagementRecord(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string? TrackId,
    [property: Id(2)] EngagementKind Kind,
    [property: Id(3)] int Count,
    [property: Id(4)] DateTimeOffset At);
