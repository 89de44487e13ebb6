using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary><c>GET /api/tracks/{id}/history</c>: popularity per UTC day and the track's standing per round, for
/// the track page.</summary>
public class TrackHistoryApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly SeasonScenario _seasons = new(factory);

    private ApiScenario Api => _seasons.Api;

    [Fact]
    public async Task Days_SumTheEngagementOfEachUtcDay_AndRoundsShowTheStanding()
    {
        var seasonId = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId));
        var (trackId, _) = await _seasons.EnteredTrackAsync(seasonId, "History Song");
        var videoId = await Api.RegisterVideoAsync("creator-history", 10, trackId);
        var now = DateTimeOffset.UtcNow;
        (DateTimeOffset At, string Kind, int Count)[] events = [(now, "view", 7), (now.AddDays(-2), "view", 3), (now.AddDays(-2), "like", 2)];
        var posted = await Api.Ingest.PostAsJsonAsync("/api/engagement", new
        {
            batchId = Guid.NewGuid().ToString("N"),
            events = events.Select(e => new { videoId, kind = e.Kind, count = e.Count, at = e.At }),
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        // Brute force: the views of each UTC day the events fell on.
        var expected = events.Where(e => e.Kind == "view").GroupBy(e => DateOnly.FromDateTime(e.At.UtcDateTime)).ToDictionary(g => g.Key, g => (long)g.Sum(e => e.Count));
        JsonElement history = default;
        await Eventually.UntilAsync(async () =>
            {
                history = await Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}/history?days=5");
                return history.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("views").GetInt64()) == 10;
            },
            TitleScenario.Settling,
            "the track's views in its history");

        var days = history.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(5, days.Count);
        Assert.Equal(DateOnly.FromDateTime(now.UtcDateTime), DateOnly.Parse(days[^1].GetProperty("day").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var day in days)
        {
            Assert.Equal(expected.GetValueOrDefault(DateOnly.Parse(day.GetProperty("day").GetString()!, System.Globalization.CultureInfo.InvariantCulture)), day.GetProperty("views").GetInt64());
        }

        // The days' popularity adds up to the track's.
        var track = await Api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}");
        Assert.Equal(track.GetProperty("popularity").GetInt64(), days.Sum(d => d.GetProperty("popularity").GetInt64()));

        var round = Assert.Single(history.GetProperty("rounds").EnumerateArray());
        Assert.Equal((1, "open", 1, "competing"), (round.GetProperty("round").GetInt32(), round.GetProperty("state").GetString(), round.GetProperty("rank").GetInt32(), round.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task ATrackNotCleared_IsNotFoundForThePublic_ButItsOwnerSeesIt()
    {
        var (artist, artistId) = await Api.CreateArtistAsync();
        var trackId = await Api.SubmitTrackAsync(artist, artistId, "Not Yet");

        Assert.Equal(HttpStatusCode.NotFound, (await Api.Anonymous.GetAsync($"/api/tracks/{trackId}/history")).StatusCode);
        var own = await artist.GetFromJsonAsync<JsonElement>($"/api/tracks/{trackId}/history");
        Assert.Equal(30, own.GetProperty("days").GetArrayLength());
        Assert.Empty(own.GetProperty("rounds").EnumerateArray());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    public async Task DaysOutOfRange_Is400NamingDays(string days) =>
        await ProblemAssertions.AssertFieldErrorsAsync(await Api.Anonymous.GetAsync($"/api/tracks/any-track/history?days={days}"), "days");
}
