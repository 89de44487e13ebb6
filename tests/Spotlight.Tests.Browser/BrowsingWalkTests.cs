using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Spotlight.ClientApi.Auth;
using Spotlight.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Spotlight.Tests.Browser;

/// <summary>
/// A visitor's walk by clicks alone, in English, Japanese and Korean: the home page, the open season, its live
/// leaderboard, a track that plays, a title hub found by searching; and a studio's analytics. Every view is in
/// the browser's language, needs at most three API requests and passes the accessibility check; each leaves a
/// screenshot named after the view and the language (docs/screenshots holds the desktop ones).
/// </summary>
[Collection(LanguageSiteCollection.Name)]
public class BrowsingWalkTests(SiteFixture site)
{
    private readonly JapaneseScenario _japanese = new(site.Factory);

    public static readonly TheoryData<string, string> Locales = new() { { "en-GB", "en" }, { "ja-JP", "ja" }, { "ko-KR", "ko" } };

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task FromTheHomePage_ToASeasonItsLeaderboardATrackThatPlays_AndATitleHubBySearch(string locale, string language)
    {
        var (_, trackId) = await _japanese.SeasonAsync();
        var (titleId, titleName) = await _japanese.TitleWithEngagementAsync(trackId);

        var walk = await site.OpenAsync("/", locale: locale);
        await Expect(walk.Page.Locator("#now table a[href^='/track.html']").First).ToBeVisibleAsync();
        await AssertViewAsync(walk, "home", language);

        await walk.Page.Locator("#now a[href^='/season.html?id=']").First.ClickAsync();
        await Expect(walk.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("春のスポットライト");
        await AssertViewAsync(walk, "season", language, screenshot: false);

        await walk.Page.Locator("#content a[href^='/leaderboard.html']").First.ClickAsync();
        await Expect(walk.Page.Locator("table a[href^='/track.html']").First).ToHaveTextAsync("夜の海");
        await AssertViewAsync(walk, "leaderboard", language);

        await walk.Page.Locator("table a[href^='/track.html']").First.ClickAsync();
        await Expect(walk.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("夜の海");
        await AssertViewAsync(walk, "track", language);
        // The track's audio address answers a second of silence; one click plays it.
        await walk.Page.Context.RouteAsync("https://cdn.example/**", route => route.FulfillAsync(new() { ContentType = "audio/wav", BodyBytes = SilentAudio.Wav() }));
        await walk.Page.Locator("#content button.play").First.ClickAsync();
        await Eventually.UntilAsync(async () => await walk.Page.EvaluateAsync<bool>("() => document.querySelector('audio')?.paused === false"),
            TimeSpan.FromSeconds(15), "the track playing after the click");

        await walk.Page.GotoAsync("/title.html");
        await walk.Page.Locator("input[type=search]").FillAsync(titleName);
        await walk.Page.Locator("input[type=search]").PressAsync("Enter");
        await walk.Page.GetByRole(AriaRole.Link, new() { Name = titleName, Exact = true }).ClickAsync();
        await Expect(walk.Page).ToHaveURLAsync(new Regex($"title\\.html\\?id={titleId}"));
        await Expect(walk.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(titleName);
        await AssertViewAsync(walk, "title-hub", language);

        var studio = await site.OpenAsync($"/studio.html?title={titleId}", "sato", [Roles.Studio], JapaneseScenario.StudioId, locale: locale);
        await Expect(studio.Page.Locator("li[data-total='views'] .value")).ToHaveTextAsync("120");
        await AssertViewAsync(studio, "studio-analytics", language);
    }

    private static async Task AssertViewAsync(SitePage page, string view, string language, bool screenshot = true)
    {
        await UntranslatedText.AssertViewAsync(page, view, language);
        if (screenshot)
        {
            await page.ScreenshotsAsync($"{view}-{language}");
        }
    }
}
