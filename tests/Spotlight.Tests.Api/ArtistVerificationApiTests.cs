using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Api;

public class ArtistVerificationApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly ApiScenario _scenario = new(factory);

    [Fact]
    public async Task Verify_ByReviewerOrAdmin_ShowsTheBadgeOnArtistTracksAndPlaylist()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync("KE");
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);
        await _scenario.ReviewAsync(trackId, "clear");

        var verified = await _scenario.Reviewer.PostAsync($"/api/artists/{artistId}/verification", null);
        var again = await _scenario.Admin.PostAsync($"/api/artists/{artistId}/verification", null);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var answer = await ApiScenario.JsonAsync(verified);
        Assert.True(answer.GetProperty("verified").GetBoolean());
        // The answer is the profile as staff see it: its tracks are listed, not left out.
        Assert.Equal([trackId], answer.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await _scenario.Anonymous.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}")).GetProperty("verified").GetBoolean());
        Assert.True((await _scenario.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}")).GetProperty("artistVerified").GetBoolean());
        var playlist = await _scenario.Anonymous.GetFromJsonAsync<JsonElement>("/api/playlists/featured?region=KE");
        var entry = playlist.GetProperty("tracks").EnumerateArray().Single(t => t.GetProperty("trackId").GetString() == trackId);
        Assert.True(entry.GetProperty("artistVerified").GetBoolean());
    }

    [Fact]
    public async Task Verify_TrackClearedAfterVerification_IsBadgedInThePlaylist()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync("UG");
        await _scenario.Admin.PostAsync($"/api/artists/{artistId}/verification", null);
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);

        await _scenario.ReviewAsync(trackId, "clear");

        var playlist = await _scenario.Anonymous.GetFromJsonAsync<JsonElement>("/api/playlists/featured?region=UG");
        Assert.True(playlist.GetProperty("tracks").EnumerateArray().Single().GetProperty("artistVerified").GetBoolean());
    }

    [Fact]
    public async Task Verify_ByOthers_Is401Or403_AndChangesNothing()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();

        await ProblemAssertions.AssertProblemAsync(await _scenario.Anonymous.PostAsync($"/api/artists/{artistId}/verification", null), HttpStatusCode.Unauthorized);
        await ProblemAssertions.AssertProblemAsync(await artist.PostAsync($"/api/artists/{artistId}/verification", null), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("p", Roles.Partner).PostAsync($"/api/artists/{artistId}/verification", null), HttpStatusCode.Forbidden);

        Assert.False((await _scenario.Anonymous.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}")).GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Verify_UnknownArtist_Is404()
    {
        await ProblemAssertions.AssertProblemAsync(await _scenario.Reviewer.PostAsync("/api/artists/nobody-here/verification", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_PublicViewHidesContactData_OwnerAndStaffSeeIt()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync(contactEmail: "booking@example.com");

        var publicView = await _scenario.Anonymous.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}");
        var otherArtist = await factory.ClientFor("someone-else", Roles.Artist).GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}");
        var ownerView = await artist.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}");
        var staffView = await _scenario.Reviewer.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}");

        Assert.False(publicView.TryGetProperty("contactEmail", out _));
        Assert.False(otherArtist.TryGetProperty("contactEmail", out _));
        Assert.Equal("booking@example.com", ownerView.GetProperty("contactEmail").GetString());
        Assert.Equal("booking@example.com", staffView.GetProperty("contactEmail").GetString());
    }

    [Fact]
    public async Task Create_BadContactEmail_Is400NamingIt()
    {
        var response = await factory.ClientFor("e", Roles.Artist).PostAsJsonAsync("/api/artists", new { displayName = "E", region = "JP", contactEmail = "not-an-email" });

        await ProblemAssertions.AssertFieldErrorsAsync(response, "contactEmail");
    }
}
