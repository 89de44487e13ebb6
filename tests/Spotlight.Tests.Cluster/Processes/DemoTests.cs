using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>
/// <c>--demo</c> as a person starts it (the API process in embedded mode, Development), at a small size: the
/// season fills with artists named in Japanese and Korean, engagement keeps moving the leaderboard, reviewers
/// have work, and the sign-in page's people are listed. Outside Development it refuses to start.
/// </summary>
public class DemoTests
{
    private static readonly TimeSpan Seeded = TimeSpan.FromMinutes(2);

    // As DemoSeeder has them (this project runs the API as a process and does not reference its assembly).
    private const string SeasonId = "demo-season";
    private const int LeftForReview = 6;
    private const string DevelopmentOnly = "Spotlight:Demo is for Development in embedded mode only";

    [Fact]
    public async Task TheDemo_SeedsASeason_AndKeepsItsLeaderboardMoving()
    {
        const int artists = 20;
        var api = ApiProcesses.StartEmbeddedApi("demo api", "Development",
            ("Spotlight__Demo", "true"),
            ("Spotlight__DemoScale__Artists", artists.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Spotlight__DemoScale__Judges", "2"),
            ("Spotlight__DemoScale__VideosPerTrack", "1"),
            ("Spotlight__DemoScale__EventsPerSecond", "200"),
            ("Spotlight__DemoScale__BurstEvery", "00:00:05"));
        await using var process = api.Process;
        await ApiProcesses.WaitUntilReadyAsync(api, TimeSpan.FromSeconds(90));
        using var http = api.Client();

        // Every cleared track is entered: all but the ones left for review.
        JsonElement board = default;
        await Eventually.UntilAsync(async () =>
            {
                var answer = await http.GetAsync($"/api/seasons/{SeasonId}/rounds/1/leaderboard?top=100");
                board = answer.IsSuccessStatusCode ? await answer.Content.ReadFromJsonAsync<JsonElement>() : default;
                return board.ValueKind == JsonValueKind.Object && board.GetProperty("entries").GetInt32() == artists - LeftForReview
                    && board.GetProperty("rows")[0].GetProperty("popularity").GetInt64() > 0;
            },
            Seeded,
            "the demo season's entries, with engagement");

        // Names as people would have them: Japanese and Korean, never an id.
        var names = board.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("artistName").GetString()!).ToList();
        Assert.Contains(names, n => n.Any(c => c is >= '\uAC00' and <= '\uD7A3'));
        Assert.Contains(names, n => n.Any(c => c is >= '\u4E00' and <= '\u9FFF'));

        // The generator keeps going: the leader's popularity grows.
        var before = board.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("popularity").GetInt64());
        await Eventually.UntilAsync(async () =>
            {
                var now = await http.GetFromJsonAsync<JsonElement>($"/api/seasons/{SeasonId}/rounds/1/leaderboard?top=100");
                return now.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("popularity").GetInt64()) > before;
            },
            Seeded,
            "popularity to grow after seeding");

        // Work for people: tracks to clear, titles to browse, and who to sign in as.
        using var reviewer = api.Client(await TokenAsync(http, "demo-reviewer", "reviewer"));
        Assert.Equal(LeftForReview, (await reviewer.GetFromJsonAsync<JsonElement>("/api/reviews/tracks?limit=200")).GetArrayLength());
        var titles = await http.GetFromJsonAsync<JsonElement>("/api/titles");
        Assert.Equal(["demo-harbor", "demo-market"], titles.GetProperty("titles").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        var people = await http.GetFromJsonAsync<JsonElement>("/api/dev/demo");
        Assert.Equal(["demo-admin", "demo-reviewer", "demo-judge-1", "demo-partner-01", "demo-studio-user", "demo-artist-0"],
            people.EnumerateArray().Select(p => p.GetProperty("sub").GetString()!));
    }

    [Fact]
    public async Task TheDemo_RefusesToStart_OutsideDevelopment()
    {
        var api = ApiProcesses.StartEmbeddedApi("demo in production", "Production",
            ("Spotlight__Demo", "true"),
            ("Spotlight__Auth__SigningKey", TestTokens.SigningKey));
        await using var process = api.Process;

        Assert.Equal(2, await api.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(DevelopmentOnly, api.Process.Output, StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(HttpClient http, string sub, string role)
    {
        var minted = await http.PostAsJsonAsync("/api/dev/tokens", new { sub, roles = new[] { role } });
        Assert.Equal(HttpStatusCode.OK, minted.StatusCode);
        return (await minted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
