namespace Spotlight.GrainInterfaces.Tracks;

[GenerateSerializer, Immutable, Alias("Spotlight.Tracks.TrackDetails")]
public sealed record TrackDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string ArtistId,
    [property: Id(2)] string OwnerId,
    [property: Id(3)] string Region,
    [property: Id(4)] string Title,
    [property: Id(5)] string AudioUrl,
    [property: Id(6)] int DurationSeconds,
    [property: Id(7)] string? SeasonId,
    [property: Id(8)] TrackStatus Status,
    [property: Id(9)] DateTimeOffset SubmittedAt,
    [property: Id(10)] IReadOnlyList<TrackReview> Reviews)
{
    public DateTimeOffset? ClearedAt => Status == TrackStatus.Cleared ? Reviews[^1].At : null;
}
