using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Spotlight.Tests.Api;

/// <summary>Ranked rows name their artists (joined by the API), so a leaderboard or results page needs one request.</summary>
public class RankedNamesApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly SeasonScenario _seasons = new(factory);

    [Fact]
    public async Task LeaderboardAndResultRows_CarryTheArtistsNameAndBadge()
    {
        var seasonId = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId));
        var (trackId, artistId) = await _seasons.EnteredTrackAsync(seasonId, "Named Row");
        Assert.Equal(HttpStatusCode.OK, (await _seasons.Api.Admin.PostAsync($"/api/artists/{artistId}/verification", null)).StatusCode);

        var row = (await _seasons.LeaderboardAsync(seasonId, 1)).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("trackId").GetString() == trackId);
        Assert.Equal(("Artist JP", true, artistId), (row.GetProperty("artistName").GetString(), row.GetProperty("artistVerified").GetBoolean(), row.GetProperty("artistId").GetString()));
        Assert.Equal("https://cdn.example/song.mp3", row.GetProperty("audioUrl").GetString());

        Assert.Equal(HttpStatusCode.OK, (await _seasons.Api.Admin.PostAsync($"/api/seasons/{seasonId}/rounds/1/close", null)).StatusCode);
        var result = (await _seasons.Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/seasons/{seasonId}/rounds/1/results"))
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("trackId").GetString() == trackId);
        Assert.Equal(("Artist JP", true), (result.GetProperty("artistName").GetString(), result.GetProperty("artistVerified").GetBoolean()));
        Assert.Equal("https://cdn.example/song.mp3", result.GetProperty("audioUrl").GetString());
    }

    [Fact]
    public async Task TheTrackReviewQueue_NamesTheArtist_AndCarriesTheAudio()
    {
        var (artist, artistId) = await _seasons.Api.CreateArtistAsync("KR");
        var trackId = await _seasons.Api.SubmitTrackAsync(artist, artistId, "Queued Song");

        var queue = await _seasons.Api.Reviewer.GetFromJsonAsync<JsonElement>("/api/reviews/tracks?limit=200");
        var row = queue.EnumerateArray().Single(t => t.GetProperty("trackId").GetString() == trackId);
        Assert.Equal(("Artist KR", false, "https://cdn.example/song.mp3"),
            (row.GetProperty("artistName").GetString(), row.GetProperty("artistVerified").GetBoolean(), row.GetProperty("audioUrl").GetString()));
    }
}
