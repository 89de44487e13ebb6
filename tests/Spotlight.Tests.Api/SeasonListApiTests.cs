using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary><c>GET /api/seasons</c>: browsing seasons by phase and region, with no id to type.</summary>
public class SeasonListApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(30);
    private readonly SeasonScenario _seasons = new(factory);

    [Fact]
    public async Task OpenUpcomingAndClosedSeasons_AreListedEachUnderItsState_AndByRegion()
    {
        var (open, upcoming, closed) = (SeasonScenario.NewId(), SeasonScenario.NewId(), SeasonScenario.NewId());
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(open));
        await _seasons.CreateAsync(Upcoming(upcoming, region: "KR"));
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(closed));
        foreach (var round in new[] { 1, 2 })
        {
            var close = await _seasons.Api.Admin.PostAsync($"/api/seasons/{closed}/rounds/{round}/close", null);
            Assert.True(close.IsSuccessStatusCode, await close.Content.ReadAsStringAsync());
        }

        await Eventually.UntilAsync(async () => (await ListAsync("?state=closed")).ContainsKey(closed), Settling, "the closed season listed as closed");

        var all = await ListAsync("");
        Assert.Equal(("open", "upcoming", "closed"), (all[open], all[upcoming], all[closed]));
        Assert.Equal([open], (await ListAsync("?state=open")).Keys.Intersect([open, upcoming, closed]));
        Assert.Equal([upcoming], (await ListAsync("?state=upcoming")).Keys.Intersect([open, upcoming, closed]));
        Assert.Equal([upcoming], (await ListAsync("?region=KR")).Keys.Intersect([open, upcoming, closed]));
        Assert.Equal([open, closed], (await ListAsync("?region=JP")).Keys.Intersect([open, upcoming, closed]));
    }

    [Fact]
    public async Task AListedSeason_CarriesItsNameRegionsAndWindow()
    {
        var id = SeasonScenario.NewId();
        await _seasons.CreateAsync(Upcoming(id, region: "JP"));

        var listed = (await _seasons.Api.Anonymous.GetFromJsonAsync<JsonElement>("/api/seasons?state=upcoming")).EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == id);

        Assert.Equal("Season " + id, listed.GetProperty("name").GetString());
        Assert.Equal(["JP"], listed.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(SeasonScenario.ThisMinute.AddMinutes(60), listed.GetProperty("opensAt").GetDateTimeOffset());
        Assert.Equal(SeasonScenario.ThisMinute.AddMinutes(240), listed.GetProperty("closesAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("?state=running", "state")]
    [InlineData("?region=jp", "region")]
    [InlineData("?state=Open&region=XX", "state", "region")]
    public async Task ABadQuery_Is400NamingTheField(string query, params string[] fields)
    {
        var response = await _seasons.Api.Anonymous.GetAsync("/api/seasons" + query);

        await ProblemAssertions.AssertFieldErrorsAsync(response, fields);
    }

    /// <summary>The seasons listed, in the list's order, each with its state.</summary>
    private async Task<Dictionary<string, string>> ListAsync(string query)
    {
        var response = await _seasons.Api.Anonymous.GetAsync("/api/seasons" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        return list.EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("state").GetString()!);
    }

    private static object Upcoming(string id, string region) => new
    {
        id,
        name = "Season " + id,
        regions = new[] { region },
        rounds = new object[]
        {
            new { opensAt = SeasonScenario.ThisMinute.AddMinutes(60), closesAt = SeasonScenario.ThisMinute.AddMinutes(120), advance = 6 },
            new { opensAt = SeasonScenario.ThisMinute.AddMinutes(180), closesAt = SeasonScenario.ThisMinute.AddMinutes(240) },
        },
        winners = 5,
    };
}
