using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Api;
using Spotlight.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Spotlight.Tests.Browser;

/// <summary>Pages that people work in: each test changes something through a page or the API and checks that
/// the pages show it.</summary>
[Collection(SiteCollection.Name)]
public class WorkflowPagesTests(SiteFixture site)
{
    private readonly SeasonScenario _seasons = new(site.Factory);
    private readonly TitleScenario _titles = new(site.Factory);

    [Fact]
    public async Task LiveLeaderboard_ChangesWithoutAReload_WhenEngagementArrives_AndWhenAJudgeScores()
    {
        var id = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(id));
        var (alpha, _) = await _seasons.EnteredTrackAsync(id, "Alpha");
        var (bravo, _) = await _seasons.EnteredTrackAsync(id, "Bravo");
        var (charlie, _) = await _seasons.EnteredTrackAsync(id, "Charlie");
        // Uses: Alpha 2 (40 points), Bravo 1 (20), Charlie 1 (20).
        await _seasons.Api.RegisterVideoAsync("creator-board", 10, trackId: alpha);
        await _seasons.Api.RegisterVideoAsync("creator-board", 10, trackId: alpha);
        await _seasons.Api.RegisterVideoAsync("creator-board", 10, trackId: bravo);
        var charlieVideo = await _seasons.Api.RegisterVideoAsync("creator-board", 10, trackId: charlie);
        Assert.Equal(HttpStatusCode.OK, (await _seasons.Api.Admin.PostAsJsonAsync($"/api/seasons/{id}/judges", new { userId = "judge-web" })).StatusCode);

        var board = await site.OpenAsync($"/leaderboard.html?season={id}&round=1");
        var firstRow = board.Page.Locator("tbody tr").First;
        await Expect(firstRow).ToContainTextAsync("Alpha");
        await Expect(board.Page.Locator("tbody tr")).ToHaveCountAsync(3);
        await board.Page.EvaluateAsync("window.notReloaded = true");
        await board.AssertHealthyAsync();
        await board.ScreenshotsAsync("leaderboard");

        // Ten shares (80 points) put Charlie on top, with its move shown.
        var shares = new { batchId = Guid.NewGuid().ToString("N"), events = new[] { new { videoId = charlieVideo, kind = "share", count = 10 } } };
        Assert.Equal(HttpStatusCode.Accepted, (await _seasons.Api.Ingest.PostAsJsonAsync("/api/engagement", shares)).StatusCode);
        await Expect(firstRow).ToContainTextAsync("Charlie", new() { Timeout = 15_000 });
        await Expect(firstRow.GetByLabel("up 2")).ToBeVisibleAsync();
        Assert.True(await board.Page.EvaluateAsync<bool>("window.notReloaded === true"));

        // A judge gives Bravo 10: 0.5 × 20/100 + 0.5 × 10/10 = 0.6 beats Charlie's 0.5.
        var judge = await site.OpenAsync($"/judge.html?season={id}&round=1", "judge-web", [Roles.Judge]);
        await judge.Page.GetByLabel("Score for Bravo").FillAsync("10");
        await judge.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bravo" }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(judge.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Scored \"Bravo\" 10.");
        // Coming back, the judge sees the score given.
        await judge.Page.ReloadAsync();
        await Expect(judge.Page.GetByLabel("Score for Bravo")).ToHaveValueAsync("10");
        await Expect(judge.Page.GetByLabel("Score for Alpha")).ToHaveValueAsync("");
        await judge.AssertFewApiRequestsAsync("judging");
        await judge.AssertHealthyAsync();
        await judge.ScreenshotsAsync("judge");

        await Expect(firstRow).ToContainTextAsync("Bravo", new() { Timeout = 15_000 });
        await Expect(firstRow).ToContainTextAsync("10.00");
        Assert.True(await board.Page.EvaluateAsync<bool>("window.notReloaded === true"));

        // Someone who is not this season's judge is told so.
        var stranger = await site.OpenAsync($"/judge.html?season={id}&round=1", "judge-other", [Roles.Judge]);
        await stranger.Page.GetByLabel("Score for Alpha").FillAsync("3");
        await stranger.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Alpha" }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(stranger.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your account may not do this. Sign in with a role that may. Only judges assigned to this season score its rounds.");
    }

    [Fact]
    public async Task ApprovingALink_InTheReviewQueue_ShowsTheAnchorLinkOnTheVideoAndTheHub()
    {
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0);
        var videoId = await _titles.Api.RegisterVideoAsync("creator-queue", 10, hashtag: tag);
        await Eventually.UntilAsync(async () => (await _titles.ReviewsAsync(titleId, "pending")).Count == 1, TitleScenario.Settling, "the pending review");

        var queue = await site.OpenAsync($"/review-links.html?titleId={titleId}", "reviewer-web", [Roles.Reviewer]);
        var row = queue.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = videoId });
        await Expect(row).ToBeVisibleAsync();
        await queue.AssertFewApiRequestsAsync("link reviews");
        await queue.AssertHealthyAsync();
        await queue.ScreenshotsAsync("review-links");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(queue.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Link of \"{videoId}\" to Linked approved.");
        await Expect(row).ToHaveCountAsync(0);

        var video = await site.OpenAsync($"/video.html?id={videoId}");
        await Expect(video.Page.Locator("#anchor")).ToHaveTextAsync($"Linked to {titleId}");
        await video.AssertFewApiRequestsAsync("video");
        await video.AssertHealthyAsync();
        await video.ScreenshotsAsync("video");

        var hub = await site.OpenAsync($"/title.html?id={titleId}");
        await Expect(hub.Page.Locator($"#related li[data-id='{videoId}']")).ToBeVisibleAsync();

        var anonymous = await site.OpenAsync("/review-links.html");
        await Expect(anonymous.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Please sign in to see this.");
    }

    [Fact]
    public async Task TrackQueue_ClearsAndRefuses_WithTheReasonAsked()
    {
        var api = _seasons.Api;
        var (artist, artistId) = await api.CreateArtistAsync("IS");
        var cleared = await api.SubmitTrackAsync(artist, artistId, "Glacier Song");
        var refused = await api.SubmitTrackAsync(artist, artistId, "Borrowed Tune");

        var queue = await site.OpenAsync("/review-tracks.html", "reviewer-web", [Roles.Reviewer]);
        var clearRow = queue.Page.Locator($"tr[data-id='{cleared}']");
        await Expect(clearRow).ToBeVisibleAsync();
        // The artist by name (a link), and the track playable from the queue.
        await Expect(clearRow.GetByRole(AriaRole.Link, new() { Name = "Artist IS" })).ToBeVisibleAsync();
        await Expect(clearRow.GetByRole(AriaRole.Button, new() { Name = "Play Glacier Song" })).ToBeVisibleAsync();
        await queue.AssertHealthyAsync();
        await queue.ScreenshotsAsync("review-tracks");
        await clearRow.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Expect(queue.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("\"Glacier Song\" cleared.");
        await Expect(clearRow).ToHaveCountAsync(0);

        var refuseRow = queue.Page.Locator($"tr[data-id='{refused}']");
        await refuseRow.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(queue.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Please check reason");

        // By keyboard alone: type the reason, Tab past Clear to Reject, press Enter.
        await refuseRow.GetByLabel("Reason for Borrowed Tune").FocusAsync();
        await queue.Page.Keyboard.TypeAsync("Not an original work");
        await queue.Page.Keyboard.PressAsync("Tab");
        await queue.Page.Keyboard.PressAsync("Tab");
        await Expect(refuseRow.GetByRole(AriaRole.Button, new() { Name = "Reject" })).ToBeFocusedAsync();
        await queue.Page.Keyboard.PressAsync("Enter");
        await Expect(queue.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("\"Borrowed Tune\" rejected.");
        await Expect(refuseRow).ToHaveCountAsync(0);

        var playlist = await site.OpenAsync("/?region=IS");
        await Expect(playlist.Page.GetByRole(AriaRole.Cell, new() { Name = "Glacier Song", Exact = true })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(playlist.Page.GetByRole(AriaRole.Cell, new() { Name = "Borrowed Tune", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task StudioDashboard_ChartsThePostedEngagement_ForItsOwnTitleOnly()
    {
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0, studioId: "studio-dash", provider: "StreamCo");
        var first = await _titles.Api.RegisterVideoAsync("creator-dash1", 10, hashtag: tag);
        var second = await _titles.Api.RegisterVideoAsync("creator-dash2", 10, hashtag: tag);
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-3);
        var batch = new
        {
            batchId = Guid.NewGuid().ToString("N"),
            events = new object[]
            {
                new { videoId = first, kind = "view", count = 12, at = start.AddMinutes(5) },
                new { videoId = second, kind = "view", count = 3, at = start.AddMinutes(65) },
                new { videoId = first, kind = "like", count = 4, at = start.AddMinutes(125) },
            },
        };
        Assert.Equal(HttpStatusCode.Accepted, (await _titles.Api.Ingest.PostAsJsonAsync("/api/engagement", batch)).StatusCode);
        await Eventually.UntilAsync(async () =>
            (await _titles.Api.Admin.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/analytics?from={Uri.EscapeDataString(start.ToString("O"))}")).GetProperty("totals").GetProperty("matching").GetProperty("likes").GetInt64() == 4,
            TitleScenario.Settling, "the engagement in the title's analytics");

        // The studio finds its title on the dashboard's first page; the default range (the last day) holds the events.
        var mine = await site.OpenAsync("/studio.html", "studio-user", [Roles.Studio], studioId: "studio-dash");
        await mine.Page.GetByRole(AriaRole.List, new() { Name = "Your titles" }).GetByRole(AriaRole.Link, new() { Name = "Linked" }).ClickAsync();
        await Expect(mine.Page.Locator("li[data-total='views'] .value")).ToHaveTextAsync("15");
        await mine.AssertHealthyAsync();

        var local = (DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var path = $"/studio.html?title={titleId}&from={local(start)}&to={local(start.AddHours(3))}&bucket=hour";
        var dashboard = await site.OpenAsync(path, "studio-user", [Roles.Studio], studioId: "studio-dash");
        await ExpectSeriesAsync(dashboard, "views", "12,3,0");
        await ExpectSeriesAsync(dashboard, "likes", "0,0,4");
        // The chart's tooltip follows the keyboard: focus shows the last point, Home the first.
        var chart = dashboard.Page.Locator("figure.chart canvas").First;
        await chart.FocusAsync();
        await dashboard.Page.Keyboard.PressAsync("Home");
        await Eventually.UntilAsync(async () => await chart.EvaluateAsync<int>("c => { const t = Chart.getChart(c).tooltip; return t.opacity > 0 ? t.dataPoints[0].dataIndex + 1 : 0; }") == 1,
            TimeSpan.FromSeconds(10), "the tooltip on the first point");
        await Expect(dashboard.Page.Locator("li[data-total='views'] .value")).ToHaveTextAsync("15");
        await Expect(dashboard.Page.GetByRole(AriaRole.Cell, new() { Name = first })).ToBeVisibleAsync();
        await Expect(dashboard.Page.GetByRole(AriaRole.Cell, new() { Name = "creator-dash1" })).ToBeVisibleAsync();
        await dashboard.AssertFewApiRequestsAsync("studio analytics");
        await dashboard.AssertHealthyAsync();
        await dashboard.ScreenshotsAsync("studio-analytics");

        // The picker: per minute over the first ten minutes.
        await dashboard.Page.GetByLabel("Points").SelectOptionAsync("minute");
        await dashboard.Page.GetByLabel("To", new() { Exact = true }).FillAsync(local(start.AddMinutes(10)));
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await ExpectSeriesAsync(dashboard, "views", "0,0,0,0,0,12,0,0,0,0");

        var other = await site.OpenAsync(path, "studio-user-2", [Roles.Studio], studioId: "studio-other");
        await Expect(other.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your account may not do this. Sign in with a role that may. Only the title's studio (the token's studioId claim) and admins read its analytics.");
    }

    /// <summary>Waits until the first chart's series of that name holds these values (what Chart.js draws).</summary>
    private static Task ExpectSeriesAsync(SitePage page, string series, string values) =>
        Eventually.UntilAsync(async () => await page.Page.EvaluateAsync<string?>(
                "name => { const c = document.querySelector('figure.chart canvas'); const chart = c && Chart.getChart(c); return chart?.data.datasets.find(d => d.label === name)?.data.join(',') ?? null; }",
                series) == values,
            TimeSpan.FromSeconds(15),
            $"the chart's {series} to be {values}");

    [Fact]
    public async Task SignIn_InDevelopment_MintsATokenForTheChosenRoles_AndPartnersSeeTheirShortlist()
    {
        var id = SeasonScenario.NewId();
        await _seasons.CreateAsync(SeasonScenario.TwoRounds(id, partners: ["partner-web"]));
        await _seasons.EnteredTrackAsync(id, "Contact Me");

        var signIn = await site.OpenAsync($"/signin.html?return={Uri.EscapeDataString($"/shortlist.html?season={id}")}");
        await signIn.AssertHealthyAsync();
        await signIn.ScreenshotsAsync("signin");
        await signIn.Page.GetByLabel("User id").FillAsync("partner-web");
        await signIn.Page.GetByLabel("partner").CheckAsync();
        await signIn.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(signIn.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("shortlist\\.html"));
        await Expect(signIn.Page.Locator("header .who")).ToContainTextAsync("partner-web (partner)");
        var row = signIn.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Contact Me" });
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Contact.Me@artists.example" })).ToBeVisibleAsync();
        await signIn.AssertHealthyAsync();
        await signIn.ScreenshotsAsync("shortlist");
    }
}
