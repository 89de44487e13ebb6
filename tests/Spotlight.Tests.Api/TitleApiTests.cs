using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Spotlight.ClientApi.Auth;
using Spotlight.GrainInterfaces.Titles;

namespace Spotlight.Tests.Api;

public class TitleApiTests(DevelopmentApiFactory factory) : IClassFixture<DevelopmentApiFactory>
{
    private readonly ApiScenario _api = new(factory);
    private readonly HttpClient _ingest = factory.ClientFor("ingest-service", Roles.Ingest);

    public static object Title(string id, string studioId = "studio-a", long minViews = 100, string keyword = "sand worm") => new
    {
        id,
        name = "Dune: Part Two",
        kind = "movie",
        studioId,
        cast = new[] { new { name = "Zendaya", role = "Chani" } },
        socials = new[] { new { platform = "instagram", url = "https://instagram.example/dune" } },
        whereToWatch = new object[]
        {
            new { provider = "Cinema One", kind = "tickets", url = "https://tickets.example/dune", regions = new[] { "KR" } },
            new { provider = "StreamCo", kind = "stream", url = "https://stream.example/dune", regions = new[] { "US", "KR" } },
        },
        hashtags = new[] { "#Dune" },
        keywords = new[] { keyword },
        visualTags = new[] { "desert" },
        minFollowers = 1000,
        minViews,
    };

    [Fact]
    public async Task Create_ByItsStudioOrAnAdmin_OnlyOnce()
    {
        var id = NewId();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.PostAsJsonAsync("/api/titles", Title(id))).StatusCode);
        await ProblemAssertions.AssertProblemAsync(await Studio("studio-b").PostAsJsonAsync("/api/titles", Title(id)), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await factory.ClientFor("creator-1", Roles.Creator).PostAsJsonAsync("/api/titles", Title(id)), HttpStatusCode.Forbidden);

        var created = await Studio("studio-a").PostAsJsonAsync("/api/titles", Title(id));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var title = await ApiScenario.JsonAsync(created);
        Assert.Equal(["dune"], title.GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(100, title.GetProperty("minViews").GetInt64());
        await ProblemAssertions.AssertProblemAsync(await _api.Admin.PostAsJsonAsync("/api/titles", Title(id)), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await _api.Admin.PostAsJsonAsync("/api/titles", Title(NewId(), studioId: "studio-z"))).StatusCode);
    }

    [Fact]
    public async Task Create_WithBadFields_Is400NamingEach_AndCreatesNothing()
    {
        var id = NewId();
        var response = await Studio("studio-a").PostAsJsonAsync("/api/titles", new
        {
            id,
            name = "",
            kind = "series",
            studioId = "studio-a",
            whereToWatch = new[] { new { provider = "P", kind = "lease", url = "https://p.example", regions = new[] { "KR" } } },
            minFollowers = -5,
        });

        await ProblemAssertions.AssertFieldErrorsAsync(response, "name", "kind", "whereToWatch[0].kind", "minFollowers");
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Anonymous.GetAsync($"/api/titles/{id}")).StatusCode);
        await ProblemAssertions.AssertFieldErrorsAsync(await Studio("studio-a").PostAsJsonAsync("/api/titles", new { id = "bad id" }), "id");
    }

    [Fact]
    public async Task Hub_ShowsTheRegionsProviders_CountsVisitsAndClickThroughs()
    {
        var id = NewId();
        Assert.Equal(HttpStatusCode.Created, (await Studio("studio-a").PostAsJsonAsync("/api/titles", Title(id))).StatusCode);

        var us = await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/titles/{id}/hub?region=US");
        var kr = await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/titles/{id}/hub?region=KR");

        Assert.Equal(["StreamCo"], us.GetProperty("whereToWatch").EnumerateArray().Select(w => w.GetProperty("provider").GetString()));
        Assert.Equal(2, kr.GetProperty("whereToWatch").GetArrayLength());
        Assert.Equal("Zendaya", kr.GetProperty("cast")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Anonymous.PostAsJsonAsync($"/api/titles/{id}/hub/clicks", new { target = "StreamCo" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Anonymous.PostAsJsonAsync($"/api/titles/{id}/hub/clicks", new { target = "StreamCo" })).StatusCode);
        await ProblemAssertions.AssertFieldErrorsAsync(await _api.Anonymous.PostAsJsonAsync($"/api/titles/{id}/hub/clicks", new { target = "Nowhere" }), "target");
        await ProblemAssertions.AssertFieldErrorsAsync(await _api.Anonymous.PostAsJsonAsync($"/api/titles/{id}/hub/clicks", new { }), "target");
        await ProblemAssertions.AssertFieldErrorsAsync(await _api.Anonymous.GetAsync($"/api/titles/{id}/hub?region=kr"), "region");
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Anonymous.GetAsync($"/api/titles/{NewId()}/hub")).StatusCode);

        var counts = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITitleHubGrain>(id).GetHubCountsAsync();
        Assert.Equal(2, counts.Visits);
        Assert.Equal(2, counts.ClicksByProvider["StreamCo"]);
        Assert.False(counts.ClicksByProvider.ContainsKey("Nowhere"));
    }

    [Fact]
    public async Task Video_ExplainsEveryMatchingTitle_AndViewsCrossingTheThreshold()
    {
        var matching = NewId();
        var other = NewId();
        // A keyword no other test's title has: titles are shared by every test of this class.
        var word = "spice" + matching;
        Assert.Equal(HttpStatusCode.Created, (await Studio("studio-a").PostAsJsonAsync("/api/titles", Title(matching, minViews: 5, keyword: $"sand {word}"))).StatusCode);
        var unrelated = new { id = other, name = "Other", kind = "show", studioId = "studio-a", hashtags = new[] { "unrelated" } };
        Assert.Equal(HttpStatusCode.Created, (await Studio("studio-a").PostAsJsonAsync("/api/titles", unrelated)).StatusCode);
        var videoId = NewId();
        var registered = await _ingest.PostAsJsonAsync("/api/videos", new
        {
            id = videoId,
            creatorId = "creator-dune",
            creatorFollowers = 5_000,
            hashtags = new[] { "fanedit" },
            caption = $"Riding the SAND {word.ToUpperInvariant()}!",
            visualTags = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var before = (await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}")).GetProperty("eligibility");
        Assert.Equal([matching], before.EnumerateArray().Select(e => e.GetProperty("titleId").GetString()));
        Assert.False(before[0].GetProperty("eligible").GetBoolean());
        var reasons = before[0].GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("rule").GetString()!, r => r.GetProperty("passed").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["match"] = true, ["followers"] = true, ["views"] = false, ["policy"] = true }, reasons);

        var batch = new { batchId = NewId(), events = new[] { new { videoId, kind = "view", count = 5 } } };
        Assert.Equal(HttpStatusCode.Accepted, (await _ingest.PostAsJsonAsync("/api/engagement", batch)).StatusCode);
        await Spotlight.Tests.Infrastructure.Eventually.UntilAsync(
            async () => (await _api.Anonymous.GetFromJsonAsync<JsonElement>($"/api/videos/{videoId}")).GetProperty("eligibility")[0].GetProperty("eligible").GetBoolean(),
            TimeSpan.FromSeconds(30),
            "the video to become eligible once its views reach minViews");
    }

    [Fact]
    public async Task AStudiosTitles_AreListedForThatStudioAndAdmins()
    {
        var studio = "studio-" + NewId();
        var (first, second) = (NewId(), NewId());
        Assert.Equal(HttpStatusCode.Created, (await Studio(studio).PostAsJsonAsync("/api/titles", Title(first, studioId: studio))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _api.Admin.PostAsJsonAsync("/api/titles", Title(second, studioId: studio))).StatusCode);

        var listed = await Studio(studio).GetFromJsonAsync<JsonElement>($"/api/studios/{studio}/titles");
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), listed.EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
        Assert.Equal(2, (await _api.Admin.GetFromJsonAsync<JsonElement>($"/api/studios/{studio}/titles")).GetArrayLength());
        await ProblemAssertions.AssertProblemAsync(await Studio("studio-a").GetAsync($"/api/studios/{studio}/titles"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.GetAsync($"/api/studios/{studio}/titles")).StatusCode);
        Assert.Empty((await Studio("studio-none").GetFromJsonAsync<JsonElement>("/api/studios/studio-none/titles")).EnumerateArray());
    }

    private HttpClient Studio(string studioId) => factory.StudioClient(studioId);

    private static string NewId() => "t" + Guid.NewGuid().ToString("N")[..16];
}
