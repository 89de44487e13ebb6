using System.Net.Http.Json;
using System.Text.Json;

namespace Spotlight.Tests.Api;

public class PlaylistApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly ApiScenario _scenario = new(factory);

    [Fact]
    public async Task Featured_ListsClearedTracksOfTheRegion_EarliestClearedFirstAtEqualPopularity()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync("IS");
        var (other, otherId) = await _scenario.CreateArtistAsync("FJ");
        var first = await _scenario.SubmitTrackAsync(artist, artistId, "One");
        var second = await _scenario.SubmitTrackAsync(artist, artistId, "Two");
        var rejected = await _scenario.SubmitTrackAsync(artist, artistId, "Three");
        var pending = await _scenario.SubmitTrackAsync(artist, artistId, "Four");
        var elsewhere = await _scenario.SubmitTrackAsync(other, otherId, "Far");

        await _scenario.ReviewAsync(second, "clear");
        await _scenario.ReviewAsync(first, "clear");
        await _scenario.ReviewAsync(rejected, "reject", "Not original.");
        await _scenario.ReviewAsync(elsewhere, "clear");

        Assert.Equal([second, first], await _scenario.PlaylistAsync("IS"));
        Assert.Equal([elsewhere], await _scenario.PlaylistAsync("FJ"));
        Assert.Equal([second], await _scenario.PlaylistAsync("IS", limit: 1));
        Assert.DoesNotContain(pending, await _scenario.PlaylistAsync("IS"));
    }

    [Fact]
    public async Task Featured_EntriesCarryWhatAListenerNeeds()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync("MT");
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId, "Harbour Lights");
        await _scenario.ReviewAsync(trackId, "clear");

        var playlist = await _scenario.Anonymous.GetFromJsonAsync<JsonElement>("/api/playlists/featured?region=MT");

        Assert.Equal("MT", playlist.GetProperty("region").GetString());
        var entry = Assert.Single(playlist.GetProperty("tracks").EnumerateArray());
        Assert.Equal(("Harbour Lights", artistId, "Artist MT", false),
            (entry.GetProperty("title").GetString(), entry.GetProperty("artistId").GetString(), entry.GetProperty("artistName").GetString(), entry.GetProperty("artistVerified").GetBoolean()));
    }

    [Theory]
    [InlineData("/api/playlists/featured", "region")]
    [InlineData("/api/playlists/featured?region=jp", "region")]
    [InlineData("/api/playlists/featured?region=XX", "region")]
    [InlineData("/api/playlists/featured?region=JP&limit=0", "limit")]
    [InlineData("/api/playlists/featured?region=JP&limit=201", "limit")]
    [InlineData("/api/playlists/featured?region=JP&limit=abc", "limit")]
    public async Task Featured_BadQuery_Is400NamingTheParameter(string url, string field)
    {
        await ProblemAssertions.AssertFieldErrorsAsync(await _scenario.Anonymous.GetAsync(url), field);
    }

    [Fact]
    public async Task Featured_UnknownRegionWithNoTracks_IsEmpty()
    {
        Assert.Empty(await _scenario.PlaylistAsync("TV"));
    }
}
