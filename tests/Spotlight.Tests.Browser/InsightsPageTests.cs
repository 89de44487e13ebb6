using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Api;
using Spotlight.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Spotlight.Tests.Browser;

/// <summary>The artist's insights page: reached from the artist's own page, it shows the engagement posted for
/// the artist's tracks per day (chart and numbers), each track's rank in its round and the reviewers' decisions
/// with their reasons, in one API request. Another artist is refused.</summary>
[Collection(SiteCollection.Name)]
public class InsightsPageTests(SiteFixture site)
{
    private readonly SeasonScenario _seasons = new(site.Factory);

    [Fact]
    public async Task AnArtist_SeesHowTheirMusicIsDoing_FromTheirOwnPage()
    {
        const string owner = "insights-artist";
        var api = _seasons.Api;
        var seasonId = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(seasonId));
        using var artist = site.Factory.ClientFor(owner, Roles.Artist);
        var created = await artist.PostAsJsonAsync("/api/artists", new { displayName = "Mirei", region = "JP" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var artistId = await ApiScenario.IdOfAsync(created);
        var entered = await api.SubmitTrackAsync(artist, artistId, "Harbour Lights", seasonId);
        var refused = await api.SubmitTrackAsync(artist, artistId, "Borrowed Tune", seasonId: null);
        await api.ReviewAsync(entered, "clear");
        await api.ReviewAsync(refused, "reject", "Samples a published recording.");
        var videoId = await api.RegisterVideoAsync("creator-insights", 10, entered);
        var batch = new { batchId = Guid.NewGuid().ToString("N"), events = new object[] { new { videoId, kind = "view", count = 42 }, new { videoId, kind = "like", count = 5 } } };
        Assert.Equal(HttpStatusCode.Accepted, (await api.Ingest.PostAsJsonAsync("/api/engagement", batch)).StatusCode);
        await Eventually.UntilAsync(async () => (await api.Anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/tracks/{entered}")).GetProperty("popularity").GetInt64() > 0,
            TitleScenario.Settling, "the engagement applied");

        var page = await site.OpenAsync($"/artist.html?id={artistId}", owner, [Roles.Artist]);
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).ClickAsync();
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Insights · Mirei");
        await Expect(page.Page.Locator("li[data-total='views'] .value")).ToHaveTextAsync("42");
        await Expect(page.Page.Locator("li[data-total='likes'] .value")).ToHaveTextAsync("5");
        await Expect(page.Page.Locator("li[data-total='uses'] .value")).ToHaveTextAsync("1");
        // The chart draws the numbers the table beneath it lists: today's views, last point.
        await Eventually.UntilAsync(async () => await page.Page.EvaluateAsync<string?>(
                "() => { const c = document.querySelector('figure.chart canvas'); const data = c && Chart.getChart(c)?.data.datasets.find(d => d.label === 'views')?.data; return data ? String(data[data.length - 1]) : null; }") == "42",
            TimeSpan.FromSeconds(15), "the chart's views for today");
        var track = page.Page.Locator($"section[data-track='{entered}']");
        await Expect(track.GetByRole(AriaRole.Table, new() { Name = "Rank of Harbour Lights in each round" })).ToContainTextAsync("Open call");
        await Expect(page.Page.Locator($"section[data-track='{refused}']")).ToContainTextAsync("Rejected");
        await Expect(page.Page.Locator($"section[data-track='{refused}']")).ToContainTextAsync("Samples a published recording.");
        await page.AssertFewApiRequestsAsync("insights");
        await page.AssertHealthyAsync();
        await page.ScreenshotsAsync("insights");

        // Someone else's insights are not theirs to read; the page says so and offers no link to them.
        var stranger = await site.OpenAsync($"/insights.html?id={artistId}", "another-artist", [Roles.Artist]);
        await Expect(stranger.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account may not do this.");
        var strangersView = await site.OpenAsync($"/artist.html?id={artistId}", "another-artist", [Roles.Artist]);
        await Expect(strangersView.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mirei");
        await Expect(strangersView.Page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true })).ToHaveCountAsync(0);
    }
}
