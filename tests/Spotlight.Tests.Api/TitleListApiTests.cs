using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Api;

/// <summary><c>GET /api/titles</c>: find a title by its name, a hashtag or its cast, most engaged first.</summary>
public class TitleListApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly ApiScenario _api = new(factory);

    [Fact]
    public async Task ATitle_IsFoundByName_Hashtag_AndCast_AndByKind()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var movie = await CreateAsync($"Moonlit Harbor {run}", "movie", $"harbor{run}", "Hana Mori");
        var show = await CreateAsync($"별빛 시장 {run}", "show", $"market{run}", $"Kim Soo-ah {run}");

        Assert.Equal([movie], await IdsAsync($"?query=moonlit harbor {run}"));
        Assert.Equal([movie], await IdsAsync($"?query=%23HARBOR{run}"));
        Assert.Equal([show], await IdsAsync($"?query=별빛 시장 {run}"));
        Assert.Equal([show], await IdsAsync($"?query=soo-ah {run}"));
        Assert.Equal([show], await IdsAsync($"?query={run}&kind=show"));
        Assert.Equal(new[] { movie, show }.Order(), (await IdsAsync($"?query={run}")).Order());
    }

    [Fact]
    public async Task MostEngagedComeFirst_AndPagesWalkEveryTitleOnce()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var quiet = await CreateAsync($"Quiet {run}", "movie", $"quiet{run}");
        var visited = await CreateAsync($"Visited {run}", "movie", $"visited{run}");
        var third = await CreateAsync($"Third {run}", "show", $"third{run}");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _api.Anonymous.GetAsync($"/api/titles/{visited}/hub")).StatusCode);
        }

        // A hub reports its engagement to the list every few seconds.
        await Eventually.UntilAsync(async () => (await IdsAsync($"?query={run}"))[0] == visited, TimeSpan.FromSeconds(30), "the visited title first");

        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/titles?query={run}&limit=1" + (cursor is null ? "" : $"&cursor={cursor}"));
            walked.AddRange(page.GetProperty("titles").EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && walked.Count < 10);

        Assert.Equal(visited, walked[0]);
        Assert.Equal(new[] { quiet, visited, third }.Order(), walked.Order());
    }

    [Fact]
    public async Task ACursor_StaysStable_WhileTitlesArrive()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var before = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            before.Add(await CreateAsync($"Stable {run} {i}", "movie", $"stable{run}{i}"));
        }

        // Two titles a page, and a new matching title created after every page.
        var walked = new List<string>();
        var arrived = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/titles?query=stable {run}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            walked.AddRange(page.GetProperty("titles").EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            arrived.Add(await CreateAsync($"Stable {run} new {arrived.Count}", "show", $"stablenew{run}{arrived.Count}"));
        }
        while (cursor is not null && walked.Count < 50);

        // Every title there at the start is shown once; newcomers at most once (those sorting before the cursor
        // wait for a fresh walk).
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(before.Order(), walked.Intersect(before).Order());
        Assert.Empty(walked.Except(before).Except(arrived));
    }

    [Fact]
    public async Task Trending_CountsTheLastDaysVisits_AndOrdersByThem()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var once = await CreateAsync($"Once {run}", "movie", $"once{run}");
        var twice = await CreateAsync($"Twice {run}", "show", $"twice{run}");
        foreach (var title in new[] { once, twice, twice })
        {
            Assert.Equal(HttpStatusCode.OK, (await _api.Anonymous.GetAsync($"/api/titles/{title}/hub")).StatusCode);
        }

        JsonElement[] rows = [];
        await Eventually.UntilAsync(async () =>
            {
                var page = await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/titles?query={run}&sort=trending");
                rows = [.. page.GetProperty("titles").EnumerateArray()];
                return rows.Length == 2 && rows.Sum(r => r.GetProperty("trending").GetInt64()) == 3;
            },
            TimeSpan.FromSeconds(30),
            "both hubs' visits in the trending figures");

        Assert.Equal([(twice, 2L), (once, 1L)], rows.Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("trending").GetInt64())));
    }

    [Theory]
    [InlineData("?sort=hot", "sort")]
    [InlineData("?kind=film", "kind")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101&kind=Movie", "limit", "kind")]
    public async Task ABadQuery_Is400NamingTheField(string query, params string[] fields) =>
        await ProblemAssertions.AssertFieldErrorsAsync(await _api.Anonymous.GetAsync("/api/titles" + query), fields);

    [Fact]
    public async Task AQueryTooLong_Is400NamingQuery() =>
        await ProblemAssertions.AssertFieldErrorsAsync(await _api.Anonymous.GetAsync("/api/titles?query=" + new string('q', 101)), "query");

    private async Task<string> CreateAsync(string name, string kind, string hashtag, string? castName = null)
    {
        var id = "tl" + Guid.NewGuid().ToString("N")[..16];
        var cast = castName is null ? [] : new[] { new { name = castName, role = "Lead" } };
        var response = await _api.Admin.PostAsJsonAsync("/api/titles", new { id, name, kind, studioId = "studio-list", hashtags = new[] { hashtag }, cast });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return id;
    }

    private async Task<List<string>> IdsAsync(string query)
    {
        var page = await _api.Anonymous.GetFromJsonAsync<JsonElement>("/api/titles" + query);
        return [.. page.GetProperty("titles").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];
    }
}
