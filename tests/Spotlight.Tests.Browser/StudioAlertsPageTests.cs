using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Api;
using Spotlight.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Spotlight.Tests.Browser;

/// <summary>A studio's trend alerts on the studio page: a rule added through the form, a field the API refuses
/// shown beside that field, and an alert that fires while the page is open appearing at the top of the list.</summary>
[Collection(SiteCollection.Name)]
public class StudioAlertsPageTests(SiteFixture site, ITestOutputHelper output)
{
    private const string StudioId = "studio-alerts";

    /// <summary>How long the test waits for the fired alert on the page. The latency itself (the target is 2 s)
    /// is measured and printed, not timed against a margin: a starved machine must not fail the suite, and
    /// docs/benchmarks.md keeps the measured figures.</summary>
    private const int AlertDeadlineMs = 20_000;

    private readonly TitleScenario _titles = new(site.Factory);

    [Fact]
    public async Task AnEngagementRateRule_AddedOnThePage_FiresOnTheOpenPage_WithoutAReload()
    {
        var (titleId, tag) = await _titles.CreateTitleAsync(minViews: 0, studioId: StudioId);
        var videoId = await _titles.Api.RegisterVideoAsync("creator-alerts", 10, hashtag: tag);
        await UntilTheTitleCountsAsync(titleId, videoId);

        var studio = await site.OpenAsync($"/studio.html?title={titleId}", "studio-alerts-user", [Roles.Studio], StudioId);
        await Expect(studio.Page.Locator("li[data-total='views'] .value")).ToHaveTextAsync(new Regex("^[1-9]"));
        // The alerts load when opened: the analytics view is still a few requests.
        await studio.AssertFewApiRequestsAsync("studio analytics with trend alerts closed");

        // Opening the section starts the live feed: its response (headers only, until an alert fires) comes at once.
        var live = studio.Page.WaitForResponseAsync(response => response.Url.Contains($"/api/titles/{titleId}/alerts/live", StringComparison.Ordinal));
        await studio.Page.GetByRole(AriaRole.Button, new() { Name = "Open trend alerts" }).ClickAsync();
        Assert.Equal(200, (await live).Status);
        await Expect(studio.Page.GetByRole(AriaRole.Button, new() { Name = "Close trend alerts" })).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(studio.Page.GetByText("No alert rules yet.")).ToBeVisibleAsync();
        await Expect(studio.Page.GetByText("No alert has fired yet.", new() { Exact = false })).ToBeVisibleAsync();
        var fired = studio.Page.GetByRole(AriaRole.List, new() { Name = "Fired alerts, newest first" });
        await Expect(fired).ToHaveAttributeAsync("aria-live", "polite");
        // The status line says the feed is watching.
        await Expect(studio.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Watching for alerts: new ones appear at the top of the list as they fire.");

        // A window of 7 minutes does not divide a day: the API says so, and the page shows it beside the window.
        var window = studio.Page.GetByLabel("Window (minutes)");
        await studio.Page.GetByLabel("Rule id").FillAsync("odd-window");
        await studio.Page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("engagement-rate");
        await studio.Page.GetByLabel("Threshold", new() { Exact = true }).FillAsync("50");
        await window.FillAsync("7");
        await Expect(studio.Page.GetByLabel("Factor (times the window before)")).ToBeHiddenAsync();
        await studio.Page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        const string windowError = "Minutes that divide a day evenly, from 1 to 1440 (such as 5, 15, 60).";
        await Expect(studio.Page.Locator("#alert-window-error")).ToHaveTextAsync(windowError);
        await Expect(window).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(window).ToHaveAccessibleDescriptionAsync(windowError);
        await Expect(window).ToBeFocusedAsync();
        await Expect(studio.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Please check window: {windowError}");
        await Expect(studio.Page.Locator("#alert-threshold-error")).ToBeEmptyAsync();
        await studio.AssertHealthyAsync();

        // The factor is asked for hashtag-rising only.
        await studio.Page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("hashtag-rising");
        await Expect(studio.Page.GetByLabel("Factor (times the window before)")).ToBeVisibleAsync();
        await studio.Page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("engagement-rate");

        await studio.Page.GetByLabel("Rule id").FillAsync("views-hour");
        await window.FillAsync("60");
        await studio.Page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        await Expect(studio.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Alert rule “views-hour” added. It counts engagement from now on.");
        await Expect(window).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(studio.Page.Locator("#alert-window-error")).ToBeEmptyAsync();
        var rule = studio.Page.GetByRole(AriaRole.Table, new() { Name = "Alert rules" }).Locator("tbody tr");
        await Expect(rule).ToHaveCountAsync(1);
        await Expect(rule).ToContainTextAsync("views-hour");
        await Expect(rule).ToContainTextAsync("Engagement rate");
        await Expect(rule).ToContainTextAsync("60 min");

        // The page notes (in the browser's clock, the same machine's) when the first alert is put on the list.
        await studio.Page.EvaluateAsync("""
            () => {
              const list = document.querySelector('ol.alerts-fired');
              new MutationObserver((_, observer) => { window.alertShownAt = Date.now(); observer.disconnect(); }).observe(list, { childList: true });
            }
            """);
        await studio.Page.EvaluateAsync("window.notReloaded = true");

        // A burst of 80 views in one minute on the matching video: more than 50 in the hour's window.
        var at = DateTimeOffset.UtcNow;
        var burst = new
        {
            batchId = Guid.NewGuid().ToString("N"),
            events = Enumerable.Range(0, 4).Select(_ => new { videoId, kind = "view", count = 20, at }).ToArray(),
        };
        var response = await _titles.Api.Ingest.PostAsJsonAsync("/api/engagement", burst);
        var accepted = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var first = fired.Locator("li").First;
        await Expect(first).ToContainTextAsync("Engagement rate", new() { Timeout = AlertDeadlineMs });
        var shownAt = DateTimeOffset.FromUnixTimeMilliseconds(await studio.Page.EvaluateAsync<long>("window.alertShownAt"));
        output.WriteLine($"Alert on the page {(shownAt - accepted).TotalMilliseconds:F0} ms after the burst's 202.");
        await Expect(first).ToContainTextAsync("rule “views-hour”");
        await Expect(first).ToContainTextAsync("80 views on the title’s fan videos in the 60-minute window from");
        await Expect(studio.Page.GetByText("No alert has fired yet.", new() { Exact = false })).ToHaveCountAsync(0);
        Assert.True(await studio.Page.EvaluateAsync<bool>("window.notReloaded === true"));
        await studio.AssertHealthyAsync();
        await studio.ScreenshotsAsync("studio-alerts");

        // Opened again, the page lists it from the fired alerts, newest first.
        var again = await site.OpenAsync($"/studio.html?title={titleId}", "studio-alerts-user", [Roles.Studio], StudioId);
        await again.Page.GetByRole(AriaRole.Button, new() { Name = "Open trend alerts" }).ClickAsync();
        var listed = again.Page.GetByRole(AriaRole.List, new() { Name = "Fired alerts, newest first" }).Locator("li");
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed.First).ToContainTextAsync("rule “views-hour”");
    }

    [Fact]
    public async Task AnAdmin_SeesATitlesAlerts_WithoutTheFormToAddOne()
    {
        var (titleId, _) = await _titles.CreateTitleAsync(minViews: 0, studioId: StudioId);

        var page = await site.OpenAsync($"/studio.html?title={titleId}", "ad-alerts", [Roles.Admin]);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Open trend alerts" }).ClickAsync();
        await Expect(page.Page.GetByText("No alert rules yet.")).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Add rule" })).ToHaveCountAsync(0);
        await page.AssertHealthyAsync();
    }

    public static readonly TheoryData<string, string, string> Translations = new()
    {
        { "ja-JP", "ja", "1 日を割り切れる分数（1〜1440、例: 5、15、60）にしてください。" },
        { "ko-KR", "ko", "하루를 나누어떨어지게 하는 분 단위(1~1440, 예: 5, 15, 60)로 입력하세요." },
    };

    [Theory]
    [MemberData(nameof(Translations))]
    public async Task TheAlertsSection_InJapaneseAndKorean_ShowsNoEnglish_AndSaysWhatAFieldNeedsInTheLanguage(string locale, string language, string windowHelp)
    {
        var titleId = "a" + Guid.NewGuid().ToString("N")[..16];
        var created = await _titles.Api.Admin.PostAsJsonAsync("/api/titles", new
        {
            id = titleId, name = "星降る港 " + titleId[^4..], kind = "movie", studioId = JapaneseScenario.StudioId, hashtags = new[] { "hoshi" + titleId }, minFollowers = 0, minViews = 0,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Ids without English words: the page shows who is signed in.
        var page = await site.OpenAsync($"/studio.html?title={titleId}", "sato", [Roles.Studio], JapaneseScenario.StudioId, locale: locale);
        await page.Page.Locator("section.alerts button[aria-controls='alerts-body']").ClickAsync();
        await page.Page.Locator("#alert-id").FillAsync("odd-window");
        await page.Page.Locator("#alert-threshold").FillAsync("50");
        await page.Page.Locator("#alert-window").FillAsync("7");
        await page.Page.Locator("form.rule-form button[type=submit]").ClickAsync();
        // The API's field messages are English: the page says what the field needs in the page's language.
        await Expect(page.Page.Locator("#alert-window-error")).ToHaveTextAsync(windowHelp);
        await Expect(page.Page.Locator("#alert-window")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Page.Locator("#alert-kind").SelectOptionAsync("hashtag-rising");
        await Expect(page.Page.Locator("#alert-factor")).ToBeVisibleAsync();
        // The live feed keeps a request open, so the check does not wait for a quiet network: what it reads is drawn.
        await UntranslatedText.AssertLocalizedAsync(page, "studio trend alerts", language, settled: true);
        await page.AssertHealthyAsync();
    }

    /// <summary>Sends a view at a time until the title counts the video's engagement: a title is counted once the
    /// silos' title index has it (up to 2 s after it is created), and a view applied before that is not.</summary>
    private async Task UntilTheTitleCountsAsync(string titleId, string videoId)
    {
        for (var sent = 1; sent <= 10; sent++)
        {
            await _titles.ViewAsync(videoId, 1);
            await Eventually.UntilAsync(async () => (await _titles.VideoAsync(videoId)).GetProperty("counters").GetProperty("views").GetInt64() == sent,
                TitleScenario.Settling, "the view applied to the video");
            try
            {
                await Eventually.UntilAsync(async () => await MatchingViewsAsync(titleId) > 0, TimeSpan.FromSeconds(3), "the view counted for the title");
                return;
            }
            catch (TimeoutException)
            {
                // Applied before the title index knew the title: send another.
            }
        }

        Assert.Fail($"Title {titleId} did not count its matching video's views.");
    }

    private async Task<long> MatchingViewsAsync(string titleId) =>
        (await _titles.Api.Admin.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}/analytics"))
            .GetProperty("totals").GetProperty("matching").GetProperty("views").GetInt64();
}
