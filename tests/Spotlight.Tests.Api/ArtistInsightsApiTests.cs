using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary><c>GET /api/artists/{id}/insights</c>: per track and in total, each UTC day's engagement equals a
/// brute-force sum of the posted events; the standing per round and the review decisions with reasons; for the
/// artist and admins only.</summary>
public class ArtistInsightsApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private static readonly string[] Kinds = ["view", "like", "comment", "share"];
    private readonly SeasonScenario _seasons = new(factory);

    private ApiScenario Api => _seasons.Api;

    [Fact]
    public async Task EachDay_PerTrackAndInTotal_IsTheSumOfThePostedEvents()
    {
        var seasonId = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId));
        var (artist, artistId) = await Api.CreateArtistAsync();
        var entered = await Api.SubmitTrackAsync(artist, artistId, "Entered", seasonId);
        var other = await Api.SubmitTrackAsync(artist, artistId, "Other", seasonId: null);
        var refused = await Api.SubmitTrackAsync(artist, artistId, "Refused", seasonId: null);
        await Api.ReviewAsync(entered, "clear");
        await Api.ReviewAsync(other, "clear");
        await Api.ReviewAsync(refused, "reject", "Samples a published recording.");
        string[] videos = [await Api.RegisterVideoAsync("creator-i1", 10, entered), await Api.RegisterVideoAsync("creator-i2", 10, entered), await Api.RegisterVideoAsync("creator-i3", 10, other)];
        var trackOf = new Dictionary<string, string> { [videos[0]] = entered, [videos[1]] = entered, [videos[2]] = other };

        // Events over the last five UTC days (an hour inside each, so none falls across midnight).
        var random = new Random(20261204);
        var today = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, 60).Select(_ => (Video: videos[random.Next(videos.Length)], Kind: Kinds[random.Next(Kinds.Length)], Count: random.Next(1, 50),
            At: new DateTimeOffset(today.UtcDateTime.Date, TimeSpan.Zero).AddDays(-random.Next(0, 5)).AddMinutes(random.Next(0, 60)))).Where(e => e.At <= today).ToList();
        var posted = await Api.Ingest.PostAsJsonAsync("/api/engagement", new
        {
            batchId = Guid.NewGuid().ToString("N"),
            events = events.Select(e => new { videoId = e.Video, kind = e.Kind, count = e.Count, at = e.At }),
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var from = DateOnly.FromDateTime(today.UtcDateTime).AddDays(-6);
        var query = $"/api/artists/{artistId}/insights?from={from:yyyy-MM-dd}";
        JsonElement insights = default;
        await Eventually.UntilAsync(async () =>
            {
                insights = await artist.GetFromJsonAsync<JsonElement>(query);
                return insights.GetProperty("total").EnumerateArray().Sum(d => Kinds.Sum(k => d.GetProperty(k + "s").GetInt64())) == events.Sum(e => e.Count);
            },
            TitleScenario.Settling,
            "every posted event in the artist's insights");

        // Brute force: each track's and the artist's count of each kind on each UTC day.
        long Expected(string? track, DateOnly day, string kind) =>
            events.Where(e => (track is null || trackOf[e.Video] == track) && DateOnly.FromDateTime(e.At.UtcDateTime) == day && e.Kind == kind).Sum(e => (long)e.Count);
        var tracks = insights.GetProperty("tracks").EnumerateArray().ToDictionary(t => t.GetProperty("trackId").GetString()!);
        Assert.Equal(new[] { entered, other, refused }.Order(), tracks.Keys.Order());
        foreach (var (track, days) in new (string?, JsonElement)[] { (null, insights.GetProperty("total")), (entered, tracks[entered].GetProperty("days")), (other, tracks[other].GetProperty("days")) })
        {
            Assert.Equal(7, days.GetArrayLength());
            foreach (var day in days.EnumerateArray())
            {
                var date = DateOnly.Parse(day.GetProperty("day").GetString()!, CultureInfo.InvariantCulture);
                Assert.All(Kinds, kind => Assert.Equal(Expected(track, date, kind), day.GetProperty(kind + "s").GetInt64()));
            }
        }

        // Uses: one per registered video, on the day it was registered; popularity adds up to each track's own.
        Assert.Equal(2, tracks[entered].GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("uses").GetInt64()));
        foreach (var track in new[] { entered, other })
        {
            var own = await Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{track}");
            Assert.Equal(own.GetProperty("popularity").GetInt64(), tracks[track].GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("popularity").GetInt64()));
        }

        var round = Assert.Single(tracks[entered].GetProperty("rounds").EnumerateArray());
        Assert.Equal((1, "open"), (round.GetProperty("round").GetInt32(), round.GetProperty("state").GetString()));
        Assert.Empty(tracks[other].GetProperty("rounds").EnumerateArray());
        var review = Assert.Single(tracks[refused].GetProperty("reviews").EnumerateArray());
        Assert.Equal(("reject", "Samples a published recording."), (review.GetProperty("decision").GetString(), review.GetProperty("reason").GetString()));
        Assert.Equal("rejected", tracks[refused].GetProperty("status").GetString());
    }

    [Fact]
    public async Task OnlyTheArtistAndAdmins_ReadInsights()
    {
        var (artist, artistId) = await Api.CreateArtistAsync();
        var (stranger, _) = await Api.CreateArtistAsync();
        var path = $"/api/artists/{artistId}/insights";

        Assert.Equal(HttpStatusCode.OK, (await artist.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.Admin.GetAsync(path)).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await stranger.GetAsync(path), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await Api.Reviewer.GetAsync(path), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Admin.GetAsync("/api/artists/no-such-artist/insights")).StatusCode);
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2999-01-01", "to")]
    [InlineData("?from=2026-03-02&to=2026-03-01", "from")]
    [InlineData("?from=2020-01-01&to=2020-12-31", "from")]
    public async Task ABadRange_Is400NamingTheField(string query, string field)
    {
        var (artist, artistId) = await Api.CreateArtistAsync();

        await ProblemAssertions.AssertFieldErrorsAsync(await artist.GetAsync($"/api/artists/{artistId}/insights{query}"), field);
    }
}
