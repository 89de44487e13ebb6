using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary>Track rows a page plays from carry the track's audio address.</summary>
public class TrackAudioApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly ApiScenario _api = new(factory);

    [Fact]
    public async Task PlaylistAndArtistTrackRows_CarryTheAudioUrl()
    {
        var (artist, artistId) = await _api.CreateArtistAsync("MT");
        var trackId = await _api.SubmitTrackAsync(artist, artistId, "Audible");
        await _api.ReviewAsync(trackId, "clear");

        var tracks = (await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}")).GetProperty("tracks");
        Assert.Equal("https://cdn.example/song.mp3", tracks.EnumerateArray().Single().GetProperty("audioUrl").GetString());

        JsonElement? entry = null;
        await Eventually.UntilAsync(async () =>
        {
            var playlist = await _api.Anonymous.GetFromJsonAsync<JsonElement>("/api/playlists/featured?region=MT");
            entry = playlist.GetProperty("tracks").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(t => t!.Value.GetProperty("trackId").GetString() == trackId);
            return entry is not null;
        }, TimeSpan.FromSeconds(30), "the cleared track in the playlist");
        Assert.Equal("https://cdn.example/song.mp3", entry!.Value.GetProperty("audioUrl").GetString());
    }
}
