using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;

namespace Spotlight.Tests.Api;

public class TrackApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly ApiScenario _scenario = new(factory);

    [Fact]
    public async Task Submit_ToOwnProfile_IsSubmittedAndQueuedForReview()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();

        var response = await artist.PostAsJsonAsync($"/api/artists/{artistId}/tracks", ApiScenario.Track("First Light"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var track = await ApiScenario.JsonAsync(response);
        Assert.Equal("submitted", track.GetProperty("status").GetString());
        Assert.Equal(artistId, track.GetProperty("artistId").GetString());
        var trackId = track.GetProperty("id").GetString()!;
        Assert.Equal($"/api/tracks/{trackId}", response.Headers.Location?.OriginalString);
        Assert.Contains(trackId, await _scenario.QueueAsync());
        var profile = await artist.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}");
        Assert.Equal([trackId], profile.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Submit_ToSomeoneElsesProfile_Is403_AndStoresNothing()
    {
        var (owner, artistId) = await _scenario.CreateArtistAsync();
        var intruder = factory.ClientFor("intruder", Roles.Artist);
        var queueBefore = await _scenario.QueueAsync();

        var valid = await intruder.PostAsJsonAsync($"/api/artists/{artistId}/tracks", ApiScenario.Track());
        var invalid = await intruder.PostAsJsonAsync($"/api/artists/{artistId}/tracks", new { title = "" });

        await ProblemAssertions.AssertProblemAsync(valid, HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(invalid, HttpStatusCode.Forbidden);
        var profile = await owner.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}");
        Assert.Empty(profile.GetProperty("tracks").EnumerateArray());
        Assert.Equal(queueBefore.Count, (await _scenario.QueueAsync()).Count);
    }

    [Fact]
    public async Task Submit_WithoutTokenOrWithWrongRole_Is401Or403()
    {
        var (_, artistId) = await _scenario.CreateArtistAsync();

        var anonymous = await _scenario.Anonymous.PostAsJsonAsync($"/api/artists/{artistId}/tracks", ApiScenario.Track());
        var creator = await factory.ClientFor("creator-1", Roles.Creator).PostAsJsonAsync($"/api/artists/{artistId}/tracks", ApiScenario.Track());

        await ProblemAssertions.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await ProblemAssertions.AssertProblemAsync(creator, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Submit_ToUnknownArtist_Is404()
    {
        var response = await factory.ClientFor("someone", Roles.Artist).PostAsJsonAsync("/api/artists/nobody/tracks", ApiScenario.Track());

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> InvalidSubmissions => new()
    {
        { """{"title":"T","audioUrl":"https://cdn.example/a.mp3","durationSeconds":180,"originalWork":false}""", "originalWork" },
        { """{"title":"T","audioUrl":"https://cdn.example/a.mp3","durationSeconds":180}""", "originalWork" },
        { """{"title":"T","audioUrl":"http://cdn.example/a.mp3","durationSeconds":180,"originalWork":true}""", "audioUrl" },
        { """{"title":"T","audioUrl":"https://cdn.example/a.mp3","durationSeconds":9,"originalWork":true}""", "durationSeconds" },
        { """{"title":"T","audioUrl":"https://cdn.example/a.mp3","durationSeconds":601,"originalWork":true}""", "durationSeconds" },
        { """{"title":"T","audioUrl":"https://cdn.example/a.mp3","durationSeconds":12.5,"originalWork":true}""", "durationSeconds" },
        { """{"title":" ","audioUrl":"https://cdn.example/a.mp3","durationSeconds":180,"originalWork":true}""", "title" },
        { """{"title":"T","audioUrl":"https://cdn.example/a.mp3","durationSeconds":180,"originalWork":true,"seasonId":"bad id!"}""", "seasonId" },
    };

    [Theory]
    [MemberData(nameof(InvalidSubmissions))]
    public async Task Submit_Invalid_Is400NamingTheField_AndStoresNothing(string body, string field)
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();

        var response = await artist.PostAsync($"/api/artists/{artistId}/tracks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssertions.AssertFieldErrorsAsync(response, field);
        var profile = await artist.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}");
        Assert.Empty(profile.GetProperty("tracks").EnumerateArray());
    }

    [Fact]
    public async Task Submit_BeyondTheLimitPerArtist_Is409_AndStoresNothing()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();
        for (var i = 0; i < Spotlight.Domain.TrackRules.MaxTracksPerArtist; i++)
        {
            await _scenario.SubmitTrackAsync(artist, artistId, $"Song {i}");
        }

        var response = await artist.PostAsJsonAsync($"/api/artists/{artistId}/tracks", ApiScenario.Track("One Too Many"));

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Conflict);
        var profile = await artist.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}");
        Assert.Equal(Spotlight.Domain.TrackRules.MaxTracksPerArtist, profile.GetProperty("tracks").GetArrayLength());
    }

    [Fact]
    public async Task Get_SubmittedTrack_IsHiddenFromThePublic_VisibleToOwnerAndStaff()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);

        await ProblemAssertions.AssertProblemAsync(await _scenario.Anonymous.GetAsync($"/api/tracks/{trackId}"), HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("other", Roles.Artist).GetAsync($"/api/tracks/{trackId}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await artist.GetAsync($"/api/tracks/{trackId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _scenario.Reviewer.GetAsync($"/api/tracks/{trackId}")).StatusCode);
        var publicProfile = await _scenario.Anonymous.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}");
        Assert.Empty(publicProfile.GetProperty("tracks").EnumerateArray());
    }

    [Fact]
    public async Task Review_Clear_MakesTheTrackPublic_PlaylistedAndOffTheQueue()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync("NO");
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);

        var reviewed = await _scenario.ReviewAsync(trackId, "clear");

        Assert.Equal("cleared", reviewed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, reviewed.GetProperty("clearedAt").ValueKind);
        Assert.Contains(trackId, await _scenario.PlaylistAsync("NO"));
        Assert.DoesNotContain(trackId, await _scenario.QueueAsync());
        var track = await _scenario.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}");
        Assert.Equal("cleared", track.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, track.GetProperty("reviews").ValueKind);
        Assert.Equal(0, track.GetProperty("popularity").GetInt64());
    }

    [Fact]
    public async Task Review_Reject_KeepsWhoWhenWhy_AndNeverPlaylists()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync("PE");
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);

        await _scenario.ReviewAsync(trackId, "reject", "Contains an uncleared sample.");

        Assert.DoesNotContain(trackId, await _scenario.PlaylistAsync("PE"));
        var staffView = await _scenario.Reviewer.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}");
        var review = Assert.Single(staffView.GetProperty("reviews").EnumerateArray());
        Assert.Equal(("reject", "Contains an uncleared sample.", "reviewer-1"),
            (review.GetProperty("decision").GetString(), review.GetProperty("reason").GetString(), review.GetProperty("reviewerId").GetString()));
        Assert.Equal(JsonValueKind.String, review.GetProperty("at").ValueKind);
        var ownerView = await artist.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}");
        var ownerReview = Assert.Single(ownerView.GetProperty("reviews").EnumerateArray());
        Assert.Equal("Contains an uncleared sample.", ownerReview.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, ownerReview.GetProperty("reviewerId").ValueKind);
        await ProblemAssertions.AssertProblemAsync(await _scenario.Anonymous.GetAsync($"/api/tracks/{trackId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Review_RejectWithoutReason_Is400_AndTheTrackStaysSubmitted()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);

        var response = await _scenario.Reviewer.PostAsJsonAsync($"/api/tracks/{trackId}/review", new { decision = "reject" });

        await ProblemAssertions.AssertFieldErrorsAsync(response, "reason");
        Assert.Equal("submitted", (await artist.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"decision":"maybe"}""", "decision")]
    [InlineData("""{}""", "decision")]
    [InlineData("""{"decision":5}""", "decision")]
    public async Task Review_BadDecision_Is400NamingDecision(string body, string field)
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);

        var response = await _scenario.Reviewer.PostAsync($"/api/tracks/{trackId}/review", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssertions.AssertFieldErrorsAsync(response, field);
    }

    [Fact]
    public async Task Review_Again_Is409_AndChangesNothing()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);
        await _scenario.ReviewAsync(trackId, "clear");

        var again = await _scenario.Reviewer.PostAsJsonAsync($"/api/tracks/{trackId}/review", new { decision = "reject", reason = "Changed my mind" });

        await ProblemAssertions.AssertProblemAsync(again, HttpStatusCode.Conflict);
        var track = await _scenario.Reviewer.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}");
        Assert.Equal("cleared", track.GetProperty("status").GetString());
        Assert.Single(track.GetProperty("reviews").EnumerateArray());
    }

    [Fact]
    public async Task Review_ByNonReviewers_Is401Or403_AndChangesNothing()
    {
        var (artist, artistId) = await _scenario.CreateArtistAsync();
        var trackId = await _scenario.SubmitTrackAsync(artist, artistId);
        var body = new { decision = "clear" };

        await ProblemAssertions.AssertProblemAsync(await _scenario.Anonymous.PostAsJsonAsync($"/api/tracks/{trackId}/review", body), HttpStatusCode.Unauthorized);
        await ProblemAssertions.AssertProblemAsync(await artist.PostAsJsonAsync($"/api/tracks/{trackId}/review", body), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("judge-1", Roles.Judge).PostAsJsonAsync($"/api/tracks/{trackId}/review", body), HttpStatusCode.Forbidden);

        Assert.Equal("submitted", (await artist.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}")).GetProperty("status").GetString());
        Assert.Contains(trackId, await _scenario.QueueAsync());
    }

    [Fact]
    public async Task Review_OfOwnTrack_ByAnArtistWhoIsAlsoReviewer_Is403()
    {
        var both = factory.ClientFor("artist-and-reviewer", Roles.Artist, Roles.Reviewer);
        var created = await both.PostAsJsonAsync("/api/artists", new { displayName = "Self", region = "JP" });
        var artistId = await ApiScenario.IdOfAsync(created);
        var trackId = await _scenario.SubmitTrackAsync(both, artistId);

        await ProblemAssertions.AssertProblemAsync(await both.PostAsJsonAsync($"/api/tracks/{trackId}/review", new { decision = "clear" }), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await both.PostAsync($"/api/artists/{artistId}/verification", null), HttpStatusCode.Forbidden);

        Assert.Equal("submitted", (await both.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}")).GetProperty("status").GetString());
        Assert.False((await both.GetFromJsonAsync<JsonElement>($"/api/artists/{artistId}")).GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Review_UnknownTrack_Is404()
    {
        var response = await _scenario.Reviewer.PostAsJsonAsync("/api/tracks/no-such-track/review", new { decision = "clear" });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReviewQueue_IsForStaffOnly()
    {
        await ProblemAssertions.AssertProblemAsync(await _scenario.Anonymous.GetAsync("/api/reviews/tracks"), HttpStatusCode.Unauthorized);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("a", Roles.Artist).GetAsync("/api/reviews/tracks"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await _scenario.Admin.GetAsync("/api/reviews/tracks")).StatusCode);
        await ProblemAssertions.AssertFieldErrorsAsync(await _scenario.Reviewer.GetAsync("/api/reviews/tracks?limit=0"), "limit");
    }
}
