using Spotlight.GrainInterfaces.Playlists;

namespace Spotlight.Grains.Playlists;

[GenerateSerializer, Alias("Spotlight.Playlists.FeaturedPlaylistState")]
public sealed class FeaturedPlaylistState
{
    [Id(0)]
    public List<PlaylistEntry> Entries { get; set; } = [];

    [Id(1)]
    public List<string> VerifiedArtists { get; set; } = [];
}
