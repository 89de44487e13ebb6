using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary><c>GET /api/audit</c> and the decisions that feed it: each decision by a person is recorded once with
/// who, what, on which entity and why; a refused request records nothing; admins page through it newest first.</summary>
public class AuditTrailApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly SeasonScenario _seasons = new(factory);
    private readonly TitleScenario _titles = new(factory);

    private ApiScenario Api => _seasons.Api;

    [Fact]
    public async Task EveryKindOfDecision_IsRecorded_WithWhoWhatAndWhy()
    {
        // Tracks, artists, videos and creators.
        var (artist, artistId) = await Api.CreateArtistAsync();
        var cleared = await Api.SubmitTrackAsync(artist, artistId, "Cleared");
        var rejected = await Api.SubmitTrackAsync(artist, artistId, "Rejected");
        await Api.ReviewAsync(cleared, "clear");
        await Api.ReviewAsync(rejected, "reject", "Not an original work.");
        Assert.Equal(HttpStatusCode.OK, (await Api.Admin.PostAsync($"/api/artists/{artistId}/verification", null)).StatusCode);
        var videoId = await Api.RegisterVideoAsync("creator-audit", 10);
        Assert.Equal(HttpStatusCode.OK, (await Api.Reviewer.PostAsJsonAsync($"/api/videos/{videoId}/policy", new { status = "violation", reason = "Misleading caption." })).StatusCode);
        var creatorId = "creator-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, (await Api.Reviewer.PostAsJsonAsync($"/api/creators/{creatorId}/policy", new { status = "violation", reason = "Bought views." })).StatusCode);

        await AssertOnlyRecordAsync(cleared, "reviewer-1", "track.review", "track", reason: null, ("decision", "clear"));
        await AssertOnlyRecordAsync(rejected, "reviewer-1", "track.review", "track", "Not an original work.", ("decision", "reject"));
        await AssertOnlyRecordAsync(artistId, "admin-1", "artist.verify", "artist", reason: null);
        await AssertOnlyRecordAsync(videoId, "reviewer-1", "video.policy", "video", "Misleading caption.", ("status", "violation"));
        await AssertOnlyRecordAsync(creatorId, "reviewer-1", "creator.policy", "creator", "Bought views.", ("status", "violation"));

        // Seasons: created, a judge assigned, a judge's score, a round closed by hand.
        var seasonId = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId));
        var (entered, _) = await _seasons.EnteredTrackAsync(seasonId, "Entered");
        Assert.Equal(HttpStatusCode.OK, (await Api.Admin.PostAsJsonAsync($"/api/seasons/{seasonId}/judges", new { userId = "judge-audit" })).StatusCode);
        using var judge = factory.ClientFor("judge-audit", Roles.Judge);
        Assert.Equal(HttpStatusCode.OK, (await judge.PostAsJsonAsync($"/api/seasons/{seasonId}/rounds/1/scores", new { trackId = entered, score = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.Admin.PostAsync($"/api/seasons/{seasonId}/rounds/1/close", null)).StatusCode);

        var season = await RecordsAsync($"?entity={seasonId}");
        Assert.Equal([("season.judge", "admin-1"), ("season.create", "admin-1")], season.Select(r => (Text(r, "action"), Text(r, "actor"))));
        Assert.Equal("judge-audit", season[0].GetProperty("details").GetProperty("userId").GetString());
        var round = await RecordsAsync($"?entity={seasonId}/1");
        Assert.Equal([("round.close", "admin-1"), ("round.score", "judge-audit")], round.Select(r => (Text(r, "action"), Text(r, "actor"))));
        Assert.Equal((entered, 7), (round[1].GetProperty("details").GetProperty("trackId").GetString(), round[1].GetProperty("details").GetProperty("score").GetInt32()));

        // Titles: created, a link decided, a campaign started by the title's studio.
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-audit");
        var linked = await Api.RegisterVideoAsync("creator-linked", 10, hashtag: tag);
        await Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(titleId, "pending")).Count == 1, TitleScenario.Settling, "the pending link review");
        Assert.Equal(HttpStatusCode.OK, (await _titles.DecideAsync(linked, titleId, "reject", "Off topic.")).StatusCode);
        using var studio = factory.ClientWith("studio-user-audit", [Roles.Studio], "studio-audit");
        var campaign = new { id = "audit-campaign", name = "Fan edits", rewards = new[] { new { kind = "frame", description = "A frame", quantity = 5 } }, minLinkedViews = 10 };
        Assert.Equal(HttpStatusCode.Created, (await studio.PostAsJsonAsync($"/api/titles/{titleId}/campaigns", campaign)).StatusCode);

        await AssertOnlyRecordAsync(linked, "reviewer-1", "link.decide", "video", "Off topic.", ("titleId", titleId), ("decision", "reject"));
        var title = await RecordsAsync($"?entity={titleId}");
        Assert.Equal([("campaign.create", "studio-user-audit"), ("title.create", "admin-1")], title.Select(r => (Text(r, "action"), Text(r, "actor"))));
    }

    [Fact]
    public async Task ARefusedRequest_RecordsNothing()
    {
        var (artist, artistId) = await Api.CreateArtistAsync();
        var trackId = await Api.SubmitTrackAsync(artist, artistId);

        // A rejection without its reason (400), a decision by someone who may not make it (403), a track that is not there (404).
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.Reviewer.PostAsJsonAsync($"/api/tracks/{trackId}/review", new { decision = "reject" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await artist.PostAsJsonAsync($"/api/tracks/{trackId}/review", new { decision = "clear" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Reviewer.PostAsJsonAsync("/api/tracks/no-such-track/review", new { decision = "clear" })).StatusCode);

        Assert.Empty(await RecordsAsync($"?entity={trackId}"));
        Assert.Empty(await RecordsAsync("?entity=no-such-track"));
    }

    [Fact]
    public async Task TheTrail_IsPagedNewestFirst_AndFilteredByActor()
    {
        var reviewer = "reviewer-" + Guid.NewGuid().ToString("N")[..8];
        using var client = factory.ClientFor(reviewer, Roles.Reviewer);
        var (_, artistId) = await Api.CreateArtistAsync();
        var creators = Enumerable.Range(0, 5).Select(i => $"paged-{reviewer}-{i}").ToList();
        foreach (var creator in creators)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/creators/{creator}/policy", new { status = "ok" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.Admin.PostAsync($"/api/artists/{artistId}/verification", null)).StatusCode);

        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.Admin.GetFromJsonAsync<JsonElement>($"/api/audit?actor={reviewer}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            walked.AddRange(page.GetProperty("entries").EnumerateArray().Select(r => Text(r, "entityId")));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && walked.Count < 20);

        Assert.Equal(Enumerable.Reverse(creators), walked);
    }

    [Theory]
    [InlineData("?cursor=abc", "cursor")]
    [InlineData("?cursor=0", "cursor")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201&actor=", "limit", "actor")]
    public async Task ABadQuery_Is400NamingTheField(string query, params string[] fields) =>
        await ProblemAssertions.AssertFieldErrorsAsync(await Api.Admin.GetAsync("/api/audit" + query), fields);

    [Fact]
    public async Task AnEntityTooLong_Is400NamingEntity() =>
        await ProblemAssertions.AssertFieldErrorsAsync(await Api.Admin.GetAsync("/api/audit?entity=" + new string('e', 201)), "entity");

    private async Task AssertOnlyRecordAsync(string entityId, string actor, string action, string kind, string? reason, params (string Field, string Value)[] details)
    {
        var record = Assert.Single(await RecordsAsync($"?entity={entityId}"));
        Assert.Equal((actor, action, kind, entityId, reason), (Text(record, "actor"), Text(record, "action"), Text(record, "entityKind"), Text(record, "entityId"), record.GetProperty("reason").GetString()));
        Assert.True(DateTimeOffset.UtcNow - record.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(10), "recorded just now");
        foreach (var (field, value) in details)
        {
            Assert.Equal(value, record.GetProperty("details").GetProperty(field).GetString());
        }
    }

    private async Task<List<JsonElement>> RecordsAsync(string query)
    {
        var response = await Api.Admin.GetAsync("/api/audit" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray()];
    }

    private static string Text(JsonElement record, string property) => record.GetProperty(property).GetString()!;
}
