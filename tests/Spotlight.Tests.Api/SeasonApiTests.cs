using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

public class SeasonApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(30);
    private readonly SeasonScenario _seasons = new(factory);

    private HttpClient Admin => _seasons.Api.Admin;

    [Fact]
    public async Task Create_WithBadFields_Is400NamingEach_AndCreatesNothing()
    {
        var id = SeasonScenario.NewId();
        var opens = SeasonScenario.ThisMinute.AddMinutes(5);
        var response = await Admin.PostAsJsonAsync("/api/seasons", new
        {
            id,
            name = "",
            regions = new[] { "JP", "jp" },
            rounds = new object[]
            {
                new { opensAt = opens.AddSeconds(30), closesAt = opens.AddMinutes(60), popularityWeight = 0.7, judgeWeight = 0.7 },
                // Overlaps round 1.
                new { opensAt = opens.AddMinutes(30), closesAt = opens.AddMinutes(90) },
            },
            winners = 12,
            prizes = new object[] { new { fromRank = 3, toRank = 2, description = "x" } },
        });

        await ProblemAssertions.AssertFieldErrorsAsync(response,
            "name", "regions[1]", "rounds[0].opensAt", "rounds[0].judgeWeight", "rounds[1].opensAt", "winners", "prizes[0].toRank");
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/seasons/{id}")).StatusCode);
    }

    [Fact]
    public async Task Create_AppliesDefaults_OnlyForAdmins_AndOnce()
    {
        var id = SeasonScenario.NewId();
        var start = SeasonScenario.ThisMinute;
        var season = new
        {
            id,
            name = "Defaults",
            regions = new[] { "JP", "KR" },
            partners = new[] { "partner-1" },
            rounds = new object[]
            {
                new { opensAt = start.AddMinutes(-5), closesAt = start.AddMinutes(60) },
                new { opensAt = start.AddMinutes(60), closesAt = start.AddMinutes(120), judgeWeight = 0.8 },
                new { opensAt = start.AddMinutes(120), closesAt = start.AddMinutes(180) },
            },
        };

        Assert.Equal(HttpStatusCode.Unauthorized, (await _seasons.Api.Anonymous.PostAsJsonAsync("/api/seasons", season)).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await _seasons.Api.Reviewer.PostAsJsonAsync("/api/seasons", season), HttpStatusCode.Forbidden);
        await _seasons.CreateAsync(season);
        await ProblemAssertions.AssertProblemAsync(await Admin.PostAsJsonAsync("/api/seasons", season), HttpStatusCode.Conflict);

        var shown = await _seasons.Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/seasons/{id}");
        var rounds = shown.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal([100, 18, 10], rounds.Select(r => r.GetProperty("advance").GetInt32()));
        Assert.Equal(["open", "scheduled", "scheduled"], rounds.Select(r => r.GetProperty("state").GetString()));
        Assert.Equal(["Round 1", "Round 2", "Final"], rounds.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(0.2m, rounds[1].GetProperty("popularityWeight").GetDecimal());
        Assert.Equal(10, shown.GetProperty("winners").GetInt32());
        // Partners and judges are user ids: admins only.
        Assert.False(shown.TryGetProperty("partners", out _));
        var forAdmin = await Admin.GetFromJsonAsync<JsonElement>($"/api/seasons/{id}");
        Assert.Equal(["partner-1"], forAdmin.GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Season_FromEntryToWinners_ThroughTheApi()
    {
        var id = SeasonScenario.NewId();
        object[] prizes = [new { fromRank = 1, toRank = 1, description = "Studio session" }, new { fromRank = 2, toRank = 5, description = "Mentoring" }];
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(id, advance: 6, winners: 5, partners: ["partner-1"], prizes: prizes));
        var tracks = new List<(string TrackId, string ArtistId)>();
        for (var i = 0; i < 7; i++)
        {
            tracks.Add(await _seasons.EnteredTrackAsync(id, $"Entry {i}"));
        }

        // An artist outside the season's regions cannot name it.
        var (korean, koreanId) = await _seasons.Api.CreateArtistAsync("KR");
        await ProblemAssertions.AssertFieldErrorsAsync(
            await korean.PostAsJsonAsync($"/api/artists/{koreanId}/tracks", new { title = "t", audioUrl = "https://cdn.example/a.mp3", durationSeconds = 60, originalWork = true, seasonId = id }),
            "seasonId");

        var board = await _seasons.LeaderboardAsync(id, 1);
        Assert.Equal(7, board.GetProperty("entries").GetInt32());
        // Nobody has popularity or scores: earlier submission first.
        Assert.Equal(tracks.Select(t => t.TrackId), SeasonScenario.TrackIds(board.GetProperty("rows")));

        // Judges: only assigned ones, only 0..10, only entries, only open rounds; a rescore replaces.
        var judge = _seasons.Judge("judge-1");
        var score = (string track, int value, int round = 1) => judge.PostAsJsonAsync($"/api/seasons/{id}/rounds/{round}/scores", new { trackId = track, score = value });
        await ProblemAssertions.AssertProblemAsync(await score(tracks[6].TrackId, 9), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync($"/api/seasons/{id}/judges", new { userId = "judge-1" })).StatusCode);
        await ProblemAssertions.AssertFieldErrorsAsync(await score(tracks[6].TrackId, 11), "score");
        await ProblemAssertions.AssertFieldErrorsAsync(await score("not-an-entry", 5), "trackId");
        await ProblemAssertions.AssertProblemAsync(await score(tracks[6].TrackId, 5, 2), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await score(tracks[6].TrackId, 5, 3)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await score(tracks[6].TrackId, 2)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await score(tracks[6].TrackId, 9)).StatusCode);
        // A judge reads back only their own scores (the latest of each); other judges' stay private.
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync($"/api/seasons/{id}/judges", new { userId = "judge-2" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _seasons.Judge("judge-2").PostAsJsonAsync($"/api/seasons/{id}/rounds/1/scores", new { trackId = tracks[6].TrackId, score = 9 })).StatusCode);
        var mine = await judge.GetFromJsonAsync<JsonElement>($"/api/seasons/{id}/rounds/1/scores");
        Assert.Equal([(tracks[6].TrackId, 9)], mine.GetProperty("scores").EnumerateArray().Select(s => (s.GetProperty("trackId").GetString(), s.GetProperty("score").GetInt32())));
        Assert.Equal("judge-1", mine.GetProperty("judgeId").GetString());
        Assert.Empty((await judge.GetFromJsonAsync<JsonElement>($"/api/seasons/{id}/rounds/2/scores")).GetProperty("scores").EnumerateArray());
        await ProblemAssertions.AssertProblemAsync(await _seasons.Judge("judge-3").GetAsync($"/api/seasons/{id}/rounds/1/scores"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await judge.GetAsync($"/api/seasons/{id}/rounds/3/scores")).StatusCode);

        board = await _seasons.LeaderboardAsync(id, 1, $"?top=3&around={tracks[3].TrackId}&neighbours=1");
        var top = board.GetProperty("rows")[0];
        Assert.Equal(tracks[6].TrackId, top.GetProperty("trackId").GetString());
        Assert.Equal(9m, top.GetProperty("judgeScore").GetDecimal());
        Assert.Equal(0.45m, top.GetProperty("score").GetDecimal());
        Assert.Equal(3, board.GetProperty("rows").GetArrayLength());
        Assert.Equal([tracks[2].TrackId, tracks[3].TrackId, tracks[4].TrackId], SeasonScenario.TrackIds(board.GetProperty("around")));
        Assert.Equal([4, 5, 6], board.GetProperty("around").EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));

        var track = await _seasons.Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{tracks[6].TrackId}");
        Assert.Equal((1, 1), (track.GetProperty("currentRound").GetInt32(), track.GetProperty("rank").GetInt32()));
        Assert.Equal("entered", track.GetProperty("season").GetProperty("entry").GetString());

        // Shortlist: the season's partners and admins; as long as the round's advancement by default.
        var shortlist = await factory.ClientFor("partner-1", Roles.Partner).GetFromJsonAsync<JsonElement>($"/api/seasons/{id}/shortlist");
        Assert.Equal(6, shortlist.GetProperty("rows").GetArrayLength());
        Assert.Equal("Entry.6@artists.example", shortlist.GetProperty("rows")[0].GetProperty("artist").GetProperty("contactEmail").GetString());
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("partner-2", Roles.Partner).GetAsync($"/api/seasons/{id}/shortlist"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _seasons.Api.Anonymous.GetAsync($"/api/seasons/{id}/shortlist")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"/api/seasons/{id}/shortlist?top=2")).StatusCode);

        // Closing: in order, idempotent; the top 6 enter the final.
        await ProblemAssertions.AssertProblemAsync(await Admin.PostAsync($"/api/seasons/{id}/rounds/2/close", null), HttpStatusCode.Conflict);
        await ProblemAssertions.AssertProblemAsync(await _seasons.Api.Anonymous.GetAsync($"/api/seasons/{id}/rounds/1/results"), HttpStatusCode.Conflict);
        var closed = await ApiScenario.JsonAsync(await Admin.PostAsync($"/api/seasons/{id}/rounds/1/close", null));
        Assert.Equal(6, closed.GetProperty("advanced").GetArrayLength());
        Assert.Equal("admin-1", closed.GetProperty("closedBy").GetString());
        var again = await ApiScenario.JsonAsync(await Admin.PostAsync($"/api/seasons/{id}/rounds/1/close", null));
        Assert.Equal(closed.GetProperty("closedAt").GetString(), again.GetProperty("closedAt").GetString());
        await ProblemAssertions.AssertProblemAsync(await score(tracks[6].TrackId, 1), HttpStatusCode.Conflict);
        await Eventually.UntilAsync(async () => (await _seasons.LeaderboardAsync(id, 2)).GetProperty("entries").GetInt32() == 6, Settling, "6 entries in the final");
        var eliminated = await _seasons.Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{closed.GetProperty("rows")[6].GetProperty("trackId").GetString()}");
        Assert.Equal("eliminated", eliminated.GetProperty("season").GetProperty("outcome").GetString());

        // The final: 5 winners with their prizes, on the season, the results, the tracks and the artists.
        var final = await ApiScenario.JsonAsync(await Admin.PostAsync($"/api/seasons/{id}/rounds/2/close", null));
        var winners = final.GetProperty("winners").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(5, winners.Count);
        Assert.Equal("Studio session", final.GetProperty("rows")[0].GetProperty("prize").GetString());
        Assert.Equal("Mentoring", final.GetProperty("rows")[4].GetProperty("prize").GetString());
        Assert.False(final.GetProperty("rows")[5].TryGetProperty("prize", out _));
        await Eventually.UntilAsync(
            async () => (await _seasons.Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/seasons/{id}")).GetProperty("winnerTrackIds").EnumerateArray().Select(w => w.GetString()!).SequenceEqual(winners),
            Settling,
            "the season to list its winners");
        var firstArtist = tracks.Single(t => t.TrackId == winners[0]).ArtistId;
        await Eventually.UntilAsync(
            async () => (await _seasons.Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/artists/{firstArtist}")).GetProperty("awards").GetArrayLength() == 1,
            Settling,
            "the winning artist to show the prize");
        var winner = await _seasons.Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{winners[0]}");
        Assert.Equal(("winner", "Studio session"), (winner.GetProperty("season").GetProperty("outcome").GetString(), winner.GetProperty("season").GetProperty("prize").GetString()));
        Assert.Equal(2, winner.GetProperty("currentRound").GetInt32());
    }

    [Fact]
    public async Task RoundRoutes_RefuseBadInput_WithProblemsNamingTheField()
    {
        var id = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(id));

        await ProblemAssertions.AssertFieldErrorsAsync(await _seasons.Api.Anonymous.GetAsync($"/api/seasons/{id}/rounds/1/leaderboard?top=0"), "top");
        await ProblemAssertions.AssertFieldErrorsAsync(await _seasons.Api.Anonymous.GetAsync($"/api/seasons/{id}/rounds/1/leaderboard?top=1001&neighbours=99"), "top", "neighbours");
        await ProblemAssertions.AssertFieldErrorsAsync(await _seasons.Api.Anonymous.GetAsync($"/api/seasons/{id}/rounds/x/leaderboard"), "n");
        await ProblemAssertions.AssertFieldErrorsAsync(await _seasons.Api.Anonymous.GetAsync($"/api/seasons/{id}/rounds/1/leaderboard?around=bad%20id"), "around");
        Assert.Equal(HttpStatusCode.NotFound, (await _seasons.Api.Anonymous.GetAsync($"/api/seasons/{id}/rounds/3/leaderboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _seasons.Api.Anonymous.GetAsync("/api/seasons/no-such-season/rounds/1/leaderboard")).StatusCode);
        await ProblemAssertions.AssertFieldErrorsAsync(await Admin.PostAsJsonAsync($"/api/seasons/{id}/judges", new { userId = "" }), "userId");
        await ProblemAssertions.AssertFieldErrorsAsync(await _seasons.Judge("j").PostAsJsonAsync($"/api/seasons/{id}/rounds/1/scores", new { trackId = "t", score = "high" }), "score");
        await ProblemAssertions.AssertProblemAsync(await _seasons.Judge("j").PostAsJsonAsync($"/api/seasons/{id}/rounds/1/close", new { }), HttpStatusCode.Forbidden);
    }
}
