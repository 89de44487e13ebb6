using Spotlight.GrainInterfaces.Engagement;

namespace Spotlight.GrainInterfaces.Playlists;

/// <summary>The featured playlist of one region (key: ISO 3166-1 alpha-2 code): cleared tracks, most
/// popular first, then earliest cleared.</summary>
[Alias("Spotlight.Playlists.IFeaturedPlaylistGrain")]
public interface IFeaturedPlaylistGrain : IGrainWithStringKey
{
    /// <summary>Adds a cleared track; adding it again changes nothing (its popularity is kept).</summary>
    [Alias("AddAsync")]
    Task AddAsync(PlaylistEntry entry);

    /// <summary>Re-ranks tracks after a committed engagement delivery added to their popularity.</summary>
    [Alias("ApplyTrackPointsAsync")]
    Task ApplyTrackPointsAsync(TrackPointsNotice notice);

    /// <summary>Shows the verified badge on every entry of this artist, now and later.</summary>
    [Alias("MarkArtistVerifiedAsync")]
    Task MarkArtistVerifiedAsync(string artistId);

    [Alias("GetTopAsync")]
    Task<IReadOnlyList<PlaylistEntry>> GetTopAsync(int limit);
}
