using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary><c>GET /api/now</c>: the home page's one call — the region's open season with its current round's top
/// rows (names joined), and the titles trending today.</summary>
public class OnNowApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly SeasonScenario _seasons = new(factory);
    private readonly TitleScenario _titles = new(factory);

    [Fact]
    public async Task AVisitor_SeesTheirRegionsOpenSeason_WithItsRoundsTopRowsAndNames_ElseAnyOpenOne()
    {
        var (japan, korea) = (SeasonScenario.NewId(), SeasonScenario.NewId());
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(japan));
        await _seasons.CreateAsync(InKorea(korea));
        var (trackId, artistId) = await _seasons.EnteredTrackAsync(korea, "밤바다", region: "KR", artistName: "한나");

        JsonElement season = default;
        await Eventually.UntilAsync(async () =>
            {
                season = (await NowAsync("?region=KR")).GetProperty("season");
                return season.ValueKind == JsonValueKind.Object && season.GetProperty("id").GetString() == korea
                    && season.GetProperty("top").GetProperty("entries").GetInt32() == 1;
            },
            TitleScenario.Settling,
            "Korea's open season with its entry");

        Assert.Equal("Season " + korea, season.GetProperty("name").GetString());
        Assert.Equal(1, season.GetProperty("round").GetProperty("number").GetInt32());
        Assert.Equal("open", season.GetProperty("round").GetProperty("state").GetString());
        var row = season.GetProperty("top").GetProperty("rows").EnumerateArray().Single();
        Assert.Equal((trackId, artistId, "한나", "밤바다"),
            (row.GetProperty("trackId").GetString(), row.GetProperty("artistId").GetString(), row.GetProperty("artistName").GetString(), row.GetProperty("title").GetString()));
        Assert.Equal(japan, (await NowAsync("?region=JP")).GetProperty("season").GetProperty("id").GetString());
        // From a region without a season of its own: an open season all the same.
        Assert.Contains((await NowAsync("?region=NZ")).GetProperty("season").GetProperty("id").GetString(), new[] { japan, korea });
    }

    [Fact]
    public async Task TitlesVisitedToday_AreTrending_AndOthersAreNot()
    {
        var (visited, _) = await _titles.CreateTitleAsync(minViews: 10);
        var (quiet, _) = await _titles.CreateTitleAsync(minViews: 10);
        Assert.Equal(HttpStatusCode.OK, (await _titles.Api.Anonymous.GetAsync($"/api/titles/{visited}/hub")).StatusCode);

        await Eventually.UntilAsync(
            async () => Trending(await NowAsync("")).Contains(visited),
            TitleScenario.Settling,
            "the visited title trending");

        Assert.DoesNotContain(quiet, Trending(await NowAsync("")));
    }

    [Theory]
    [InlineData("?region=jp")]
    [InlineData("?region=XX")]
    public async Task ABadRegion_Is400NamingIt(string query) =>
        await ProblemAssertions.AssertFieldErrorsAsync(await _seasons.Api.Anonymous.GetAsync("/api/now" + query), "region");

    private async Task<JsonElement> NowAsync(string query)
    {
        var response = await _seasons.Api.Anonymous.GetAsync("/api/now" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Trending(JsonElement now) =>
        [.. now.GetProperty("trending").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    private static object InKorea(string id) => new
    {
        id,
        name = "Season " + id,
        regions = new[] { "KR" },
        rounds = new object[]
        {
            new { name = "Open call", opensAt = SeasonScenario.ThisMinute.AddMinutes(-10), closesAt = SeasonScenario.ThisMinute.AddMinutes(60), advance = 6 },
            new { opensAt = SeasonScenario.ThisMinute.AddMinutes(120), closesAt = SeasonScenario.ThisMinute.AddMinutes(180) },
        },
        winners = 5,
    };
}
