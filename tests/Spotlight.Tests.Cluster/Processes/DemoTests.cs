using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Cluster.Processes;

/// <summary>
/// <c>--demo</c> as a person starts it (the API process in embedded mode, Development), at its own size: the
/// season fills with artists named in Japanese and Korean, engagement keeps moving the leaderboard, reviewers
/// have work, and the sign-in page's people are listed. Outside Development it refuses to start.
/// </summary>
public class DemoTests
{
    private static readonly TimeSpan Seeded = TimeSpan.FromMinutes(2);

    // As DemoSeeder has them (this project runs the API as a process and does not reference its assembly).
    private const string SeasonId = "demo-season";
    private const int DemoArtists = 200;
    private const int LeftForReview = 6;
    private const string DevelopmentOnly = "Spotlight:Demo is for Development in embedded mode only";

    [Fact]
    public async Task TheDemo_SeedsASeason_AndKeepsItsLeaderboardMoving()
    {
        // The demo as the README starts it: its own sizes (200 artists), nothing scaled down.
        var api = ApiProcesses.StartEmbeddedApi("demo api", "Development", ("Spotlight__Demo", "true"));
        await using var process = api.Process;
        await ApiProcesses.WaitUntilReadyAsync(api, TimeSpan.FromSeconds(90));
        using var http = api.Client();

        // The open round fills: every cleared track entered (all but the ones left for review), engagement on them.
        JsonElement board = default;
        await Eventually.UntilAsync(async () =>
            {
                board = await LeaderboardAsync(http);
                return board.ValueKind == JsonValueKind.Object && board.GetProperty("entries").GetInt32() == DemoArtists - LeftForReview
                    && board.GetProperty("rows")[0].GetProperty("popularity").GetInt64() > 0;
            },
            Seeded,
            "the demo season's first round with every cleared track and engagement");
        Assert.Equal(100, board.GetProperty("rows").GetArrayLength());

        // Names as people would have them: Japanese and Korean, never an id.
        var names = board.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("artistName").GetString()!).ToList();
        Assert.Contains(names, n => n.Any(c => c is >= '\uAC00' and <= '\uD7A3'));
        Assert.Contains(names, n => n.Any(c => c is >= '\u4E00' and <= '\u9FFF'));

        // The leaderboard moves: within 5 s of a reading, a later reading differs (the generator posts every second).
        var first = Rows(board);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.UntilAsync(async () => Rows(await LeaderboardAsync(http)) != first, TimeSpan.FromSeconds(5), "the leaderboard to change within 5 s");
        Console.WriteLine($"Demo: {board.GetProperty("entries").GetInt32()} entries; the leaderboard changed {watch.Elapsed.TotalSeconds:0.0} s after a reading");

        // Work for people: tracks to clear, a fan video's link to review, titles to browse, and who to sign in as.
        using var reviewer = api.Client(await TokenAsync(http, "demo-reviewer", "reviewer"));
        Assert.Equal(LeftForReview, (await reviewer.GetFromJsonAsync<JsonElement>("/api/reviews/tracks?limit=200")).GetArrayLength());
        await Eventually.UntilAsync(
            async () => (await reviewer.GetFromJsonAsync<JsonElement>("/api/reviews/links?status=pending")).GetArrayLength() > 0,
            Seeded,
            "a link review to be pending");
        var titles = await http.GetFromJsonAsync<JsonElement>("/api/titles");
        Assert.Equal(["demo-harbor", "demo-market"], titles.GetProperty("titles").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        var people = await http.GetFromJsonAsync<JsonElement>("/api/dev/demo");
        Assert.Equal(["demo-admin", "demo-reviewer", "demo-judge-1", "demo-partner-01", "demo-studio-user", "demo-artist-0"],
            people.EnumerateArray().Select(p => p.GetProperty("sub").GetString()!));
    }

    private static async Task<JsonElement> LeaderboardAsync(HttpClient http)
    {
        using var answer = await http.GetAsync($"/api/seasons/{SeasonId}/rounds/1/leaderboard?top=100");
        return answer.IsSuccessStatusCode ? await answer.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    /// <summary>What a person sees of the board: who is where, with what popularity.</summary>
    private static string Rows(JsonElement board) => string.Join(";", board.GetProperty("rows").EnumerateArray()
        .Select(r => $"{r.GetProperty("trackId").GetString()}={r.GetProperty("popularity").GetInt64()}"));

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
