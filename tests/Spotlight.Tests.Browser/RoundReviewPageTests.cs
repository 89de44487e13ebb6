using Microsoft.Playwright;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Api;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Spotlight.Tests.Api.RoundReviewScenario;

namespace Spotlight.Tests.Browser;

/// <summary>The reviewers' page for a round: a bot-like burst is flagged with its evidence, the reviewer excludes
/// its span with a reason, and the round's live leaderboard, open in another tab, moves without a reload.</summary>
[Collection(SiteCollection.Name)]
public class RoundReviewPageTests(SiteFixture site, ITestOutputHelper output)
{
    private readonly RoundReviewScenario _round = new(site.Factory);

    [Fact]
    public async Task AReviewer_ExcludesAFlaggedBurst_AndTheLiveLeaderboardMoves()
    {
        var seasonId = await _round.SeasonAsync(openedHoursAgo: 8);
        var start = SeasonScenario.ThisMinute.AddHours(-7);
        var steady = (await _round.Seasons.EnteredTrackAsync(seasonId, "Steady Song")).TrackId;
        var sudden = (await _round.Seasons.EnteredTrackAsync(seasonId, "Sudden Song")).TrackId;
        var random = new Random(77);
        var events = new List<Posted>();
        for (var i = 0; i < 3; i++)
        {
            var video = await _round.VideoAsync($"creator-steady-{i}", steady);
            events.AddRange(Enumerable.Range(0, 42).SelectMany(s => Ordinary(video, start.AddMinutes(10 * s), random.Next(15, 26))));
        }

        // Six hours of ordinary interest, then 4,000 views in ten minutes with two likes.
        var burst = await _round.VideoAsync("creator-sudden", sudden);
        events.AddRange(Enumerable.Range(0, 38).SelectMany(s => Ordinary(burst, start.AddMinutes(10 * s), random.Next(35, 46))));
        var burstAt = start.AddMinutes(380);
        events.AddRange(Enumerable.Range(0, 10).Select(m => new Posted(burst, "view", 400, burstAt.AddMinutes(m))));
        events.Add(new Posted(burst, "like", 2, burstAt.AddMinutes(4)));
        await _round.PostAsync(events);
        var all = _round.Events.Select(e => e.VideoId).Distinct().ToDictionary(v => v, v => _round.Events.Any(e => e.VideoId == v && v == burst) ? sudden : steady);
        var expected = _round.BruteForce(all, start.AddHours(-1), start.AddHours(9), []);
        await Eventually.UntilAsync(async () => (await _round.BoardAsync(seasonId)).Popularity.All(p => expected[p.Key] == p.Value), TitleScenario.Settling, "the posted engagement on the leaderboard");

        var leaderboard = await site.OpenAsync($"/leaderboard.html?season={seasonId}&round=1");
        var firstRow = leaderboard.Page.Locator("table tbody tr").First;
        await Expect(firstRow).ToContainTextAsync("Sudden Song");
        await leaderboard.Page.EvaluateAsync("window.notReloaded = true");

        var review = await site.OpenAsync($"/review-round.html?season={seasonId}&round=1", "reviewer-round", [Roles.Reviewer]);
        await Expect(review.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Suspicious engagement: Open call");
        var flags = review.Page.GetByRole(AriaRole.Table, new() { Name = "Flags, by video" });
        var jump = flags.Locator("tbody tr", new() { HasText = "Sudden jump with little interaction" });
        await Expect(jump).ToHaveCountAsync(1);
        await Expect(jump).ToContainTextAsync("Sudden Song");
        await Expect(jump).ToContainTextAsync("views in 10 min against a baseline of");
        await Expect(flags.Locator("tbody tr", new() { HasText = "Steady Song" })).ToHaveCountAsync(0);
        await Expect(review.Page.GetByText("No exclusions yet.")).ToBeVisibleAsync();
        await review.AssertFewApiRequestsAsync("round review");
        await review.AssertHealthyAsync();

        await jump.GetByRole(AriaRole.Textbox).FillAsync("One network, no likes: bought views");
        await jump.GetByRole(AriaRole.Button, new() { Name = "Exclude this span" }).ClickAsync();
        await Expect(review.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("no longer counts; the round has been ranked again.");
        await Expect(flags.Locator("tbody tr", new() { HasText = "Sudden jump with little interaction" })).ToContainTextAsync("Excluded");
        var exclusions = review.Page.GetByRole(AriaRole.Table, new() { Name = "Exclusions made" });
        await Expect(exclusions.Locator("tbody tr")).ToContainTextAsync("One network, no likes: bought views");
        await Expect(exclusions.Locator("tbody tr")).ToContainTextAsync("reviewer-round");
        await review.AssertHealthyAsync();
        await review.ScreenshotsAsync("review-round");

        // The leaderboard tab, never reloaded, now leads with the steady track.
        var excludedAt = DateTimeOffset.UtcNow;
        await Expect(firstRow).ToContainTextAsync("Steady Song", new() { Timeout = 20_000 });
        output.WriteLine($"The live leaderboard moved {(DateTimeOffset.UtcNow - excludedAt).TotalMilliseconds:F0} ms after the exclusion was shown.");
        Assert.True(await leaderboard.Page.EvaluateAsync<bool>("window.notReloaded === true"));
    }

    private static IEnumerable<Posted> Ordinary(string video, DateTimeOffset slot, int views)
    {
        yield return new Posted(video, "view", views, slot.AddMinutes(3));
        yield return new Posted(video, "like", Math.Max(1, views / 8), slot.AddMinutes(6));
    }
}
