namespace Spotlight.GrainInterfaces.Playlists;

/// <summary>A cleared track in a regional featured playlist.</summary>
[GenerateSerializer, Immutable, Alias("Spotlight.Playlists.PlaylistEntry")]
public sealed record PlaylistEntry(
    [property: Id(0)] string TrackId,
    [property: Id(1)] string ArtistId,
    [property: Id(2)] string ArtistName,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset ClearedAt,
    [property: Id(5)] long Popularity,
    [property: Id(6)] bool ArtistVerified,
    [property: Id(7)] string? AudioUrl = null);
